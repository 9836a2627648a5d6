package nl.rijksdienst.kpi.importing;

import nl.rijksdienst.kpi.common.Problem.InvalidRow;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import nl.rijksdienst.kpi.common.StorableText;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;
import nl.rijksdienst.kpi.observation.ObservationInput;

/**
 * Reads an import that is a JSON array of observations, one element at a time, so that a body of any
 * size is streamed. An element that is not a valid observation is reported with its line and field;
 * reading goes on with the next element.
 */
final class JsonImportReader implements Iterator<ImportRow>, AutoCloseable {

    private final JsonParser parser;
    private final ObjectMapper mapper;
    private JsonToken next;

    JsonImportReader(InputStream body, ObjectMapper mapper) {
        // Numbers are read as written: 4.0 stays 4.0, and no decimal passes through a double.
        this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        try {
            this.parser = this.mapper.getFactory().createParser(body);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new ImportRejectedException(List.of(new InvalidRow(parser.currentLocation().getLineNr(), null,
                        "de body is geen JSON-array van waarnemingen")));
            }
            next = parser.nextToken();
        } catch (JsonProcessingException e) {
            throw new ImportRejectedException(List.of(new InvalidRow(e.getLocation() == null ? 1 : e.getLocation().getLineNr(), null,
                    "geen geldige JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public boolean hasNext() {
        return next != null && next != JsonToken.END_ARRAY;
    }

    @Override
    public ImportRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        long line = parser.currentTokenLocation().getLineNr();
        try {
            if (next != JsonToken.START_OBJECT) {
                parser.skipChildren();
                advance();
                return new ImportRow(line, null, List.of(new InvalidRow(line, null, "het element is geen object")), UnaryOperator.identity());
            }
            JsonNode element = parser.readValueAsTree();
            advance();
            try {
                return new ImportRow(line, mapper.treeToValue(element, ObservationInput.class), List.of(), UnaryOperator.identity());
            } catch (StorableText.UnstorableTextException e) {
                return new ImportRow(line, null, List.of(new InvalidRow(line, e.field(), e.reason())), UnaryOperator.identity());
            } catch (UnrecognizedPropertyException e) {
                return new ImportRow(line, null, List.of(new InvalidRow(line, e.getPropertyName(), "onbekend veld")), UnaryOperator.identity());
            } catch (InvalidFormatException e) {
                return new ImportRow(line, null, List.of(new InvalidRow(line, path(e), "'" + e.getValue() + "' heeft niet het juiste type")),
                        UnaryOperator.identity());
            } catch (MismatchedInputException e) {
                return new ImportRow(line, null, List.of(new InvalidRow(line, path(e), "heeft niet het juiste type")), UnaryOperator.identity());
            }
        } catch (JsonProcessingException e) {
            next = null;
            throw new ImportRejectedException(List.of(new InvalidRow(e.getLocation() == null ? line : e.getLocation().getLineNr(), null,
                    "geen geldige JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void advance() throws IOException {
        next = parser.nextToken();
    }

    private static String path(MismatchedInputException e) {
        return String.join(".", e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex())).toList());
    }

    /** After the array: nothing but whitespace may follow. */
    void requireEnd() {
        try {
            if (next == JsonToken.END_ARRAY && parser.nextToken() != null) {
                throw new ImportRejectedException(List.of(new InvalidRow(parser.currentLocation().getLineNr(), null, "na de array volgt nog iets")));
            }
        } catch (JsonProcessingException e) {
            throw new ImportRejectedException(List.of(new InvalidRow(e.getLocation() == null ? 1 : e.getLocation().getLineNr(), null,
                    "geen geldige JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
