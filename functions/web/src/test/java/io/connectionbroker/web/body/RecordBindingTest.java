package io.connectionbroker.web.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectionbroker.domain.refusal.FieldError;
import io.connectionbroker.domain.refusal.InvalidRequest;
import io.micronaut.json.JsonMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A body is read as the record that documents it, with every bad field named in order. */
class RecordBindingTest {
    private final JsonBodies bodies = new JsonBodies(JsonMapper.createDefault());

    enum Colour { RED, GREEN }

    record Choice(String url, @Schema(name = "private") Boolean privateOne) implements CrossFieldRules {
        @Override
        public void check(JsonFields fields) {
            if (url == null && !Boolean.TRUE.equals(privateOne)) {
                fields.reject("url", "is required unless private is true");
            }
        }
    }

    @RefusedField(name = "legacy", reason = "is no longer sent")
    record Item(String name) {
    }

    @RefusedField(name = "owner", reason = "is set by the operator")
    record Body(@RequiredField("a URL, or private") Choice choice, Colour colour, Integer count, Boolean flag,
                List<Item> items) {
    }

    record Unreadable(Object anything) {
    }

    private List<String> errors(String json) {
        return assertThrows(InvalidRequest.class, () -> {
            JsonFields fields = bodies.read(json);
            fields.as(Body.class);
            fields.throwIfInvalid();
        }).errors().stream().map(error -> error.field() + " " + error.problem()).toList();
    }

    @Test
    void aGoodBodyIsTheRecordWithDocumentedNames() {
        JsonFields fields = bodies.read("""
                {"choice": {"private": true}, "colour": "GREEN", "count": 3, "flag": false,
                 "items": [{"name": "a"}, {"name": "b"}]}""");
        Body body = fields.as(Body.class);
        fields.throwIfInvalid();
        assertEquals(new Body(new Choice(null, true), Colour.GREEN, 3, false, List.of(new Item("a"), new Item("b"))),
                body);
    }

    @Test
    void absentFieldsAreNullForTheDomainToJudge() {
        JsonFields fields = bodies.read("{\"choice\": {\"url\": \"u\"}}");
        Body body = fields.as(Body.class);
        fields.throwIfInvalid();
        assertNull(body.colour());
        assertNull(body.items());
    }

    @Test
    void everyBadFieldIsNamedInTheOrderOfTheRecord() {
        assertEquals(List.of(
                        "owner is set by the operator",
                        "choice.url is required unless private is true",
                        "colour must be one of [RED, GREEN]",
                        "count must be a whole number",
                        "flag must be true or false",
                        "items[0] must be a JSON object",
                        "items[1].other is not a field of this request; the fields are [name, legacy]",
                        "items[1].legacy is no longer sent",
                        "items[1].name must be a string"),
                errors("""
                        {"owner": "me", "choice": {}, "colour": "BLUE", "count": 1.5, "flag": "yes",
                         "items": [5, {"other": 1, "legacy": true, "name": 7}]}"""));
    }

    @Test
    void unknownFieldsAreNamedWithTheDocumentedNamesAndARequiredObjectIsTold() {
        assertEquals(List.of("colours is not a field of this request; the fields are [choice, colour, count, flag,"
                        + " items, owner]", "choice is required: a URL, or private"),
                errors("{\"colours\": \"RED\"}"));
        assertEquals(List.of("choice.privateOne is not a field of this request; the fields are [url, private]",
                        "choice.url is required unless private is true"),
                errors("{\"choice\": {\"privateOne\": true}}"));
    }

    @Test
    void aRecordWithATypeNoBodyHasIsAProgrammingError() {
        JsonFields fields = bodies.read("{\"anything\": 1}");
        assertThrows(IllegalArgumentException.class, () -> fields.as(Unreadable.class));
    }

    @Test
    void errorsAreFieldErrors() {
        InvalidRequest refused = assertThrows(InvalidRequest.class, () -> {
            JsonFields fields = bodies.read("{\"count\": \"x\", \"choice\": {\"url\": \"u\"}}");
            fields.as(Body.class);
            fields.throwIfInvalid();
        });
        assertEquals(List.of(new FieldError("count", "must be a whole number")), refused.errors());
    }
}
