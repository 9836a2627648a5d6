package nl.rijksdienst.kpi.common;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps large downloads from crowding out everything else: at most {@code kpi.downloads.rendering}
 * streamed downloads (a whole CSV, SDMX or {@code /changes} selection) are being rendered at any
 * moment (unset: half the processors, at least one), so the other cores stay free for the
 * dashboards' small answers. A download holds its permit while it reads rows and writes them into a
 * buffer of {@value #CHUNK} bytes, and gives it back while that buffer goes to the client: a slow
 * client holds no permit, and downloads that wait take turns, first come first served.
 */
@ApplicationScoped
public class DownloadPacing {

    static final int CHUNK = 64 * 1024;

    private final Semaphore permits;
    private final int size;

    public DownloadPacing(@ConfigProperty(name = "kpi.downloads.rendering") Optional<Integer> configured) {
        this.size = configured.filter(n -> n > 0).orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        this.permits = new Semaphore(size, true);
        Log.debugf("Streamed downloads rendered at once: %d", size);
    }

    /** How many downloads may be rendered at once. */
    public int size() {
        return size;
    }

    /** How many downloads are waiting for their turn now. */
    public int waiting() {
        return permits.getQueueLength();
    }

    /** Writes one answer's body. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes a body to {@code out}: a streamed download in its turns (it waits for the first now),
     * anything else (already read, and small) at once.
     */
    public void write(OutputStream out, boolean streamed, Body body) throws IOException {
        if (!streamed) {
            body.write(out);
            return;
        }
        try (Paced paced = new Paced(out)) {
            body.write(paced);
        }
    }

    /**
     * The output of one paced download: it holds the turn while it is written to; closing it sends
     * what is left and gives the turn back (it does not close {@code out}).
     */
    private final class Paced extends OutputStream {

        private final OutputStream out;
        private final byte[] buffer = new byte[CHUNK];
        private int count;
        private boolean held;
        private boolean closed;

        private Paced(OutputStream out) throws IOException {
            this.out = out;
            take();
        }

        @Override
        public void write(int b) throws IOException {
            if (count == buffer.length) {
                send();
            }
            buffer[count++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (count == buffer.length) {
                    send();
                }
                int n = Math.min(length, buffer.length - count);
                System.arraycopy(bytes, offset, buffer, count, n);
                count += n;
                offset += n;
                length -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            send();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                give();
                if (count > 0) {
                    out.write(buffer, 0, count);
                    count = 0;
                }
                out.flush();
            } finally {
                give();
            }
        }

        /** Sends the buffer without the turn, then waits for the turn again. */
        private void send() throws IOException {
            if (count == 0) {
                return;
            }
            give();
            out.write(buffer, 0, count);
            out.flush();
            count = 0;
            take();
        }

        private void take() throws IOException {
            if (held) {
                return;
            }
            try {
                permits.acquire();
                held = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("The download was stopped while it waited for its turn");
            }
        }

        private void give() {
            if (held) {
                held = false;
                permits.release();
            }
        }
    }
}
