package nl.rijksdienst.kpi.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DownloadPacingTest {

    private static final byte[] MORE_THAN_A_CHUNK = new byte[DownloadPacing.CHUNK + 1];
    /** Each download on a thread of its own (the common pool may have one thread only). */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool();

    @Test
    void shouldMakeASecondDownloadWaitWhileTheFirstIsBeingRendered() throws Exception {
        DownloadPacing pacing = new DownloadPacing(Optional.of(1));
        CountDownLatch firstRendering = new CountDownLatch(1);
        CountDownLatch firstMayFinish = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> write(pacing, new ByteArrayOutputStream(), out -> {
            out.write(1);
            firstRendering.countDown();
            await(firstMayFinish);
        }), THREADS);
        assertThat(firstRendering.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> write(pacing, new ByteArrayOutputStream(), out -> out.write(2)), THREADS);
        waitUntil(() -> pacing.waiting() == 1);
        assertThat(second).isNotDone();

        firstMayFinish.countDown();
        second.get(5, TimeUnit.SECONDS);
        first.get(5, TimeUnit.SECONDS);
        assertThat(pacing.waiting()).isZero();
    }

    @Test
    void shouldLetAnotherDownloadBeRenderedWhileASlowClientIsBeingSentTo() throws Exception {
        DownloadPacing pacing = new DownloadPacing(Optional.of(1));
        CountDownLatch slowClientReads = new CountDownLatch(1);
        OutputStream slowClient = new OutputStream() {
            @Override
            public void write(int b) {
                await(slowClientReads);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                await(slowClientReads);
            }
        };
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> write(pacing, slowClient, out -> out.write(MORE_THAN_A_CHUNK)), THREADS);

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        CompletableFuture.runAsync(() -> write(pacing, received, out -> out.write(MORE_THAN_A_CHUNK)), THREADS).get(5, TimeUnit.SECONDS);
        assertThat(received.size()).isEqualTo(MORE_THAN_A_CHUNK.length);
        assertThat(slow).isNotDone();

        slowClientReads.countDown();
        slow.get(5, TimeUnit.SECONDS);
    }

    @Test
    void shouldGiveTheTurnBackWhenRenderingFails() throws Exception {
        DownloadPacing pacing = new DownloadPacing(Optional.of(1));
        CompletableFuture<Void> failing = CompletableFuture.runAsync(() -> write(pacing, new ByteArrayOutputStream(), out -> {
            throw new IOException("the database went away");
        }), THREADS);
        assertThat(failing).failsWithin(5, TimeUnit.SECONDS);

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        CompletableFuture.runAsync(() -> write(pacing, received, out -> out.write(3)), THREADS).get(5, TimeUnit.SECONDS);
        assertThat(received.toByteArray()).containsExactly(3);
    }

    @Test
    void shouldWriteAnAnswerThatIsNotStreamedAtOnce() throws Exception {
        DownloadPacing pacing = new DownloadPacing(Optional.of(1));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> streamed = CompletableFuture.runAsync(() -> write(pacing, new ByteArrayOutputStream(), out -> {
            holding.countDown();
            await(release);
        }), THREADS);
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

        ByteArrayOutputStream small = new ByteArrayOutputStream();
        pacing.write(small, false, out -> out.write(4));
        assertThat(small.toByteArray()).containsExactly(4);

        release.countDown();
        streamed.get(5, TimeUnit.SECONDS);
    }

    @Test
    void shouldRenderHalfAsManyDownloadsAtOnceAsThereAreProcessorsUnlessConfigured() {
        assertThat(new DownloadPacing(Optional.empty()).size()).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        assertThat(new DownloadPacing(Optional.of(3)).size()).isEqualTo(3);
    }

    private static void write(DownloadPacing pacing, OutputStream out, DownloadPacing.Body body) {
        try {
            pacing.write(out, true, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 5 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
