package nl.rijksdienst.kpi.sdmx;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The SDMX REST interface answers with SDMX-ML 2.1 that the official schemas (sdmx-twg, kept in
 * src/test/resources/sdmx/sdmx-ml-2.1) accept, selects as SDMX's query syntax says, carries the
 * letter's qualifiers as attributes, and refuses representations and versions it does not offer.
 */
@QuarkusTest
class SdmxMlTest {

    private static final String BASE = "/api/v1/sdmx";
    private static Schema schema;

    @BeforeAll
    static void schemas() throws Exception {
        URL message = SdmxMlTest.class.getClassLoader().getResource("sdmx/sdmx-ml-2.1/SDMXMessage.xsd");
        assertThat(message).isNotNull();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // the schemas import each other by relative location; nothing is fetched from the network
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
        schema = factory.newSchema(message);
    }

    private static List<String> violations(String xml) throws Exception {
        List<String> errors = new ArrayList<>();
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
        });
        validator.validate(new StreamSource(new StringReader(xml)));
        return errors;
    }

    private static String xml(String path, String accept) {
        return given().accept(accept).get(BASE + path).then().statusCode(200).extract().asString();
    }

    @Test
    void everyStructureMessageIsValidSdmxMl() throws Exception {
        for (String path : List.of("/dataflow/all/all/latest", "/dataflow/all/all/latest?references=all", "/dataflow/RIJKSDIENST/external-hiring-share/1.0",
                "/datastructure/all/all/latest?references=children", "/datastructure/RIJKSDIENST/workforce-fte-growth/1.0?references=all",
                "/codelist/all/all/latest", "/codelist/RIJKSDIENST/CL_OBS_STATUS/latest?references=parents", "/conceptscheme/RIJKSDIENST/CS_RIJKSDIENST/1.0")) {
            String body = xml(path, "application/vnd.sdmx.structure+xml;version=2.1");
            assertThat(violations(body)).as(path).isEmpty();
        }
        String all = xml("/datastructure/all/all/latest?references=children", "application/xml");
        XmlPath structure = new XmlPath(all);
        List<String> indicators = given().get("/api/v1/indicators?pageSize=1000").jsonPath().getList("items.id");
        assertThat(structure.getList("Structure.Structures.DataStructures.DataStructure.@id")).containsExactlyInAnyOrderElementsOf(indicators);
        // the dimensions of an indicator: FREQ, its own, then the time
        assertThat(structure.getList("Structure.Structures.DataStructures.DataStructure.find { it.@id == 'workforce-fte-growth' }"
                + ".DataStructureComponents.DimensionList.Dimension.@id")).containsExactly("FREQ", "category");
        // a code list per dimension, with _T for a figure that is not broken down
        assertThat(structure.getList("Structure.Structures.Codelists.Codelist.find { it.@id == 'CL_workforce-fte-growth_category' }.Code.@id"))
                .contains("beleid", "uitvoering", "ondersteuning", "inspectie", "_T");
        assertThat(structure.getList("Structure.Structures.Codelists.Codelist.find { it.@id == 'CL_STATUS' }.Code.@id"))
                .containsExactly("final", "provisional", "estimate", "forecast", "target");
        // words are text, never codes: OBS_TEXT and COMMENT_OBS have a text format, not a code list
        assertThat(all).contains("<structure:Attribute id=\"OBS_TEXT\" assignmentStatus=\"Conditional\">");
    }

    @Test
    void everyDataMessageIsValidSdmxMl() throws Exception {
        List<String> indicators = given().get("/api/v1/indicators?pageSize=1000").jsonPath().getList("items.id");
        for (String id : indicators) {
            String body = xml("/data/" + id, "application/vnd.sdmx.genericdata+xml;version=2.1");
            assertThat(violations(body)).as(id).isEmpty();
        }
        for (String path : List.of("/data/RIJKSDIENST,external-hiring-share,1.0/A", "/data/workforce-fte-growth/Q.beleid+inspectie?detail=dataonly",
                "/data/workforce-fte-growth/all?detail=serieskeysonly", "/data/vacancies-opened?detail=nodata")) {
            assertThat(violations(xml(path, "application/xml"))).as(path).isEmpty();
        }
    }

    /**
     * The schema a structure-specific message is checked against, generated from the served data
     * structure and code lists as SDMX-ML 2.1 prescribes (the shape of sdmx-twg's samples, such as
     * ecb_exr_ng_ts.xsd): the data set, series and observations as restrictions of the time series
     * types, each coded component limited to its code list.
     */
    private static String structureSpecificSchema(String indicatorId) {
        XmlPath s = new XmlPath(xml("/datastructure/RIJKSDIENST/" + indicatorId + "/1.0?references=children", "application/xml"));
        String dsd = "Structure.Structures.DataStructures.DataStructure.find { it.@id == '" + indicatorId + "' }.DataStructureComponents";
        String namespace = "urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=RIJKSDIENST:" + indicatorId + "(1.0):ObsLevelDim:TIME_PERIOD";
        StringBuilder x = new StringBuilder();
        x.append("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns=\"").append(namespace)
                .append("\" xmlns:dsd=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific\"")
                .append(" xmlns:common=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common\" targetNamespace=\"").append(namespace)
                .append("\" elementFormDefault=\"qualified\" attributeFormDefault=\"unqualified\">")
                .append("<xs:import namespace=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific\" schemaLocation=\"")
                .append(SdmxMlTest.class.getClassLoader().getResource("sdmx/sdmx-ml-2.1/SDMXDataStructureSpecific.xsd")).append("\"/>")
                .append("<xs:import namespace=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common\" schemaLocation=\"")
                .append(SdmxMlTest.class.getClassLoader().getResource("sdmx/sdmx-ml-2.1/SDMXCommon.xsd")).append("\"/>");
        for (Object id : s.getList("Structure.Structures.Codelists.Codelist.@id")) {
            x.append("<xs:simpleType name=\"").append(id).append("\"><xs:restriction base=\"xs:string\">");
            for (Object code : s.getList("Structure.Structures.Codelists.Codelist.find { it.@id == '" + id + "' }.Code.@id")) {
                x.append("<xs:enumeration value=\"").append(code).append("\"/>");
            }
            x.append("</xs:restriction></xs:simpleType>");
        }
        x.append("<xs:complexType name=\"DataSetType\"><xs:complexContent><xs:restriction base=\"dsd:TimeSeriesDataSetType\"><xs:sequence>")
                .append("<xs:element ref=\"common:Annotations\" minOccurs=\"0\"/>")
                .append("<xs:element name=\"DataProvider\" type=\"common:DataProviderReferenceType\" form=\"unqualified\" minOccurs=\"0\"/>")
                .append("<xs:choice minOccurs=\"0\"><xs:element name=\"Series\" type=\"SeriesType\" form=\"unqualified\" maxOccurs=\"unbounded\"/></xs:choice>")
                .append("</xs:sequence><xs:attribute name=\"REPORTING_YEAR_START_DAY\" type=\"xs:gMonthDay\" use=\"prohibited\"/>")
                .append("</xs:restriction></xs:complexContent></xs:complexType>");
        x.append("<xs:complexType name=\"SeriesType\"><xs:complexContent><xs:restriction base=\"dsd:TimeSeriesType\"><xs:sequence>")
                .append("<xs:element ref=\"common:Annotations\" minOccurs=\"0\"/>")
                .append("<xs:element name=\"Obs\" type=\"ObsType\" form=\"unqualified\" minOccurs=\"0\" maxOccurs=\"unbounded\"/></xs:sequence>");
        List<String> dimensions = s.getList(dsd + ".DimensionList.Dimension.@id");
        for (String dimension : dimensions) {
            String list = s.getString(dsd + ".DimensionList.Dimension.find { it.@id == '" + dimension + "' }.LocalRepresentation.Enumeration.Ref.@id");
            x.append("<xs:attribute name=\"").append(dimension).append("\" type=\"").append(list).append("\" use=\"required\"/>");
        }
        x.append("<xs:attribute name=\"REPORTING_YEAR_START_DAY\" type=\"xs:gMonthDay\" use=\"prohibited\"/></xs:restriction></xs:complexContent></xs:complexType>");
        x.append("<xs:complexType name=\"ObsType\"><xs:complexContent><xs:restriction base=\"dsd:TimeSeriesObsType\"><xs:sequence>")
                .append("<xs:element ref=\"common:Annotations\" minOccurs=\"0\"/></xs:sequence>")
                .append("<xs:attribute name=\"OBS_VALUE\" type=\"xs:decimal\" use=\"optional\"/>");
        for (Object attribute : s.getList(dsd + ".AttributeList.Attribute.@id")) {
            String path = dsd + ".AttributeList.Attribute.find { it.@id == '" + attribute + "' }.LocalRepresentation";
            String list = s.getString(path + ".Enumeration.Ref.@id");
            String text = s.getString(path + ".TextFormat.@textType");
            String type = list != null && !list.isEmpty() ? list : switch (text) {
                case "Decimal" -> "xs:decimal";
                case "Boolean" -> "xs:boolean";
                case "GregorianDay" -> "xs:date";
                default -> "xs:string";
            };
            x.append("<xs:attribute name=\"").append(attribute).append("\" type=\"").append(type).append("\" use=\"optional\"/>");
        }
        x.append("<xs:attribute name=\"REPORTING_YEAR_START_DAY\" type=\"xs:gMonthDay\" use=\"prohibited\"/></xs:restriction></xs:complexContent></xs:complexType>");
        x.append("</xs:schema>");
        return x.toString();
    }

    @Test
    void everyStructureSpecificMessageIsValidAgainstItsStructure() throws Exception {
        URL message = SdmxMlTest.class.getClassLoader().getResource("sdmx/sdmx-ml-2.1/SDMXMessage.xsd");
        List<String> indicators = given().get("/api/v1/indicators?pageSize=1000").jsonPath().getList("items.id");
        for (String id : indicators) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            Schema specific = factory.newSchema(new javax.xml.transform.Source[] {new StreamSource(message.toString()),
                new StreamSource(new StringReader(structureSpecificSchema(id)), "urn:structure-specific:" + id)});
            String body = xml("/data/" + id, SdmxMl.STRUCTURE_SPECIFIC_DATA_MEDIA_TYPE);
            List<String> errors = new ArrayList<>();
            Validator validator = specific.newValidator();
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add(e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    errors.add(e.getMessage());
                }
            });
            validator.validate(new StreamSource(new StringReader(body)));
            assertThat(errors).as(id).isEmpty();
        }
        // the check has teeth: a code outside its list is refused
        String wrong = xml("/data/external-hiring-share", SdmxMl.STRUCTURE_SPECIFIC_DATA_MEDIA_TYPE).replace("OBS_STATUS=\"P\"", "OBS_STATUS=\"X\"");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Schema specific = factory.newSchema(new javax.xml.transform.Source[] {new StreamSource(message.toString()),
            new StreamSource(new StringReader(structureSpecificSchema("external-hiring-share")), "urn:structure-specific:external-hiring-share")});
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> specific.newValidator().validate(new StreamSource(new StringReader(wrong))))
                .isInstanceOf(SAXParseException.class).hasMessageContaining("X");
    }

    @Test
    void theLettersFiguresKeepTheirQualifiers() {
        XmlPath hiring = new XmlPath(xml("/data/external-hiring-share", "application/vnd.sdmx.genericdata+xml;version=2.1"));
        String series = "GenericData.DataSet.Series";
        // 15.4% in 2024, final; 11.4% in the first half of 2025, an interim figure (P, provisional)
        assertThat(hiring.getString(series + ".find { it.SeriesKey.Value.find { v -> v.@id == 'FREQ' }.@value == 'A' }"
                + ".Obs.find { it.ObsDimension.@value == '2024' }.ObsValue.@value")).isEqualTo("15.4");
        String interim = series + ".find { it.SeriesKey.Value.find { v -> v.@id == 'FREQ' }.@value == 'S' }.Obs.find { it.ObsDimension.@value == '2025-S1' }";
        assertThat(hiring.getString(interim + ".ObsValue.@value")).isEqualTo("11.4");
        assertThat(hiring.getString(interim + ".Attributes.Value.find { it.@id == 'OBS_STATUS' }.@value")).isEqualTo("P");
        assertThat(hiring.getString(interim + ".Attributes.Value.find { it.@id == 'STATUS' }.@value")).isEqualTo("provisional");

        // "ruim 16.000": a lower bound, with the source's words
        XmlPath vacancies = new XmlPath(xml("/data/vacancies-opened", "application/xml"));
        assertThat(vacancies.getList("GenericData.DataSet.Series.Obs.Attributes.Value.findAll { it.@id == 'OBS_QUALIFIER' }.@value")).contains("lower_bound");
        assertThat(vacancies.getList("GenericData.DataSet.Series.Obs.Attributes.Value.findAll { it.@id == 'OBS_TEXT' }.@value").toString()).contains("16.000");
    }

    @Test
    void theQuerySelectsAsSdmxSays() {
        XmlPath annual = new XmlPath(xml("/data/external-hiring-share/A", "application/xml"));
        assertThat(annual.getList("GenericData.DataSet.Series.SeriesKey.Value.findAll { it.@id == 'FREQ' }.@value")).containsOnly("A");
        XmlPath last = new XmlPath(xml("/data/external-hiring-share/A?lastNObservations=1", "application/xml"));
        assertThat(last.getList("GenericData.DataSet.Series.Obs.ObsDimension.@value")).hasSize(1);
        XmlPath from = new XmlPath(xml("/data/external-hiring-share?startPeriod=2025", "application/xml"));
        assertThat(from.getList("GenericData.DataSet.Series.Obs.ObsDimension.@value")).isNotEmpty().allMatch(p -> p.toString().startsWith("2025"));
        XmlPath none = new XmlPath(xml("/data/external-hiring-share?updatedAfter=2100-01-01T00:00:00Z", "application/xml"));
        assertThat(none.getList("GenericData.DataSet.Series")).isEmpty();
        XmlPath two = new XmlPath(xml("/data/workforce-fte-growth/.beleid+inspectie", "application/xml"));
        assertThat(two.getList("GenericData.DataSet.Series.SeriesKey.Value.findAll { it.@id == 'category' }.@value")).containsOnly("beleid", "inspectie");

        for (String path : List.of("/data/workforce-fte-growth/Q", "/data/workforce-fte-growth/Q.nergens", "/data/external-hiring-share?updatedAfter=gisteren",
                "/data/external-hiring-share?detail=alles", "/data/external-hiring-share?dimensionAtObservation=AllDimensions",
                "/dataflow/all/all/latest?references=ouders")) {
            Response response = given().get(BASE + path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
        for (String path : List.of("/data/onbekend", "/data/ECB,external-hiring-share,1.0", "/data/RIJKSDIENST,external-hiring-share,2.0",
                "/dataflow/ECB/all/latest", "/codelist/all/CL_NERGENS/latest", "/datastructure/all/onbekend/latest")) {
            Response response = given().get(BASE + path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void aRepresentationOrVersionNotOfferedIsA406() {
        for (String[] request : List.of(
                new String[] {"/data/external-hiring-share", "application/vnd.sdmx.genericdata+xml;version=3.0.0"},
                new String[] {"/data/external-hiring-share", "application/json"},
                new String[] {"/dataflow/all/all/latest", "application/vnd.sdmx.structure+xml;version=3.0.0"},
                new String[] {"/dataflow/all/all/latest", "text/csv"})) {
            Response response = given().accept(request[1]).get(BASE + request[0]);
            assertThat(response.statusCode()).as(request[1] + " for " + request[0]).isEqualTo(406);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getString("detail")).contains("application/vnd.sdmx");
        }
        // the observations speak SDMX-JSON and SDMX-CSV 1.0 only: asking for 2.0 is no match
        for (String accept : List.of("application/vnd.sdmx.data+json;version=2.0.0", "application/vnd.sdmx.data+csv;version=2.0.0")) {
            Response response = given().accept(accept).get("/api/v1/indicators/external-hiring-share/observations");
            assertThat(response.statusCode()).as(accept).isEqualTo(406);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(given().accept("application/vnd.sdmx.data+json;version=1.0.0").get("/api/v1/indicators/external-hiring-share/observations")
                .then().extract().statusCode()).isEqualTo(200);
        // version 2.1 and 2.1.0 name the same version
        assertThat(given().accept("application/vnd.sdmx.structurespecificdata+xml;version=2.1.0").get(BASE + "/data/external-hiring-share")
                .then().extract().contentType()).startsWith(SdmxMl.STRUCTURE_SPECIFIC_DATA_MEDIA_TYPE);
    }

    @Test
    void theSameDataGivesTheSameBytes() {
        Response first = given().accept("application/xml").get(BASE + "/data/external-hiring-share");
        Response second = given().accept("application/xml").get(BASE + "/data/external-hiring-share");
        assertThat(second.asString()).isEqualTo(first.asString());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        given().accept("application/xml").header("If-None-Match", first.header("ETag")).get(BASE + "/data/external-hiring-share").then().statusCode(304);
    }
}
