package fr.hubag.servicekit.openapi;

import fr.hubag.domain.Coded;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CodedEnumsInOpenApiTest {

    enum PlaceKind implements Coded {
        LIEU_ACTIVITE("lieu_activite"), A_DISTANCE("a_distance");

        private final String code;

        PlaceKind(String code) { this.code = code; }

        @Override
        public String code() { return code; }
    }

    enum Other implements Coded {
        A_DISTANCE("remote"), LIEU_ACTIVITE("site");

        private final String code;

        Other(String code) { this.code = code; }

        @Override
        public String code() { return code; }
    }

    private static Schema enumeration(Object... values) {
        return OASFactory.createSchema().enumeration(new ArrayList<>(List.of(values)));
    }

    @Test
    void aVocabularyIsPublishedWithTheCodesClientsSendNotItsJavaConstants() {
        var filter = new CodedEnumsInOpenApi(List.of(PlaceKind.class));

        Schema schema = filter.filterSchema(enumeration("A_DISTANCE", "LIEU_ACTIVITE"));

        assertEquals(List.of("lieu_activite", "a_distance"), schema.getEnumeration());
    }

    @Test
    void anEnumerationThatIsNoVocabularyIsLeftAsItIs() {
        var filter = new CodedEnumsInOpenApi(List.of(PlaceKind.class));

        assertEquals(List.of("LIEU_ACTIVITE", "DOMICILE"),
                filter.filterSchema(enumeration("LIEU_ACTIVITE", "DOMICILE")).getEnumeration());
        assertEquals(List.of("full", "public"), filter.filterSchema(enumeration("full", "public")).getEnumeration());
        assertEquals(null, filter.filterSchema(OASFactory.createSchema()).getEnumeration());
    }

    @Test
    void twoVocabulariesWithTheSameConstantsButOtherCodesAreRefusedAtBuild() {
        var failure = assertThrows(IllegalStateException.class,
                () -> new CodedEnumsInOpenApi(List.of(PlaceKind.class, Other.class)));

        assertEquals(true, failure.getMessage().contains("[A_DISTANCE, LIEU_ACTIVITE]"));
    }
}
