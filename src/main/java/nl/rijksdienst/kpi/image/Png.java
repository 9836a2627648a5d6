package nl.rijksdienst.kpi.image;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

/** An SVG image drawn as PNG by Apache Batik, for consumers that cannot show SVG: the same image, pixel for pixel of its layout. */
public final class Png {

    static {
        // no display is needed, or wanted, to draw
        System.setProperty("java.awt.headless", "true");
    }

    private Png() {
    }

    public static byte[] of(String svg) {
        PNGTranscoder transcoder = new PNGTranscoder();
        // a white ground, so that the image reads the same on a dark page
        transcoder.addTranscodingHint(PNGTranscoder.KEY_BACKGROUND_COLOR, java.awt.Color.WHITE);
        ByteArrayOutputStream png = new ByteArrayOutputStream(16 * 1024);
        try {
            TranscoderInput input = new TranscoderInput(new StringReader(svg));
            input.setURI("urn:rijksdienst-kpi:image.svg");
            transcoder.transcode(input, new TranscoderOutput(png));
        } catch (TranscoderException e) {
            throw new IllegalStateException("Cannot draw the image as PNG", e);
        }
        return png.toByteArray();
    }
}
