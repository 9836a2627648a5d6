package nl.rijksdienst.kpi.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderedAnswersSizeTest {

    private static final long MIB = 1L << 20;

    @Test
    void byDefaultTheCacheIsAFifthOfTheHeapWithinBounds() {
        assertThat(RenderedAnswers.defaultMaxBytes(256 * MIB)).isEqualTo(256 * MIB / 5);
        // the Kubernetes deployment: 60 % of 768 MiB
        assertThat(RenderedAnswers.defaultMaxBytes(768 * MIB * 60 / 100) / MIB).isEqualTo(92);
        assertThat(RenderedAnswers.defaultMaxBytes(32 * MIB)).isEqualTo(16 * MIB);
        assertThat(RenderedAnswers.defaultMaxBytes(24L * 1024 * MIB)).isEqualTo(1024 * MIB);
    }
}
