package io.wirewatch.alert.http;

import static io.wirewatch.alert.http.AlertFixtures.gulfAmbassadorsRecalled;
import static io.wirewatch.alert.http.AlertFixtures.homsCasualtySpike;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertEvidence;
import io.wirewatch.schema.AlertStatus;
import io.wirewatch.schema.AlertType;
import io.wirewatch.schema.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class AlertJsonTest {

    @Test
    void shouldWriteEveryFieldTheSpecNamesUnderItsAvroName() {
        // Given a casualty alert with evidence
        Alert alert = homsCasualtySpike();

        // When it is written as JSON
        ObjectNode json = AlertJson.toTree(alert);

        // Then the fields the API promises are there under exactly these names, with the alert's values
        assertThat(fieldNames(json))
                .contains(
                        "id",
                        "status",
                        "type",
                        "action",
                        "cameoCode",
                        "actor",
                        "target",
                        "place",
                        "count",
                        "countLow",
                        "countHigh",
                        "eventDate",
                        "headline",
                        "severity",
                        "sources",
                        "evidence");
        assertThat(json.get("id").asText()).isEqualTo("cas-homs-2012-02-06");
        assertThat(json.get("place").asText()).isEqualTo("Homs");
        assertThat(json.get("count").asInt()).isEqualTo(50);
        assertThat(json.get("countLow").asInt()).isEqualTo(40);
        assertThat(json.get("countHigh").asInt()).isEqualTo(60);
        assertThat(json.get("sources").asInt()).isEqualTo(2);
        assertThat(json.get("headline").asText()).isEqualTo("At least 50 killed in shelling of Homs");
        JsonNode firstEvidence = json.get("evidence").get(0);
        assertThat(fieldNames(firstEvidence)).contains("articleId", "url", "outlet", "sentence");
        assertThat(firstEvidence.get("outlet").asText()).isEqualTo("BBC");
        assertThat(firstEvidence.get("url").asText()).isEqualTo("https://example.org/bbc/homs");
        assertThat(firstEvidence.get("sentence").asText()).startsWith("Activists said at least 50 people");
    }

    @Test
    void shouldWriteExactlyTheAvroSchemaFieldsInSchemaOrder() {
        // Given any alert
        Alert alert = gulfAmbassadorsRecalled();

        // When it is written as JSON
        ObjectNode json = AlertJson.toTree(alert);

        // Then the JSON fields are the Avro fields, nothing more, nothing less, for the alert and its evidence
        assertThat(fieldNames(json)).containsExactlyElementsOf(avroNames(Alert.getClassSchema()));
        assertThat(fieldNames(json.get("evidence").get(0)))
                .containsExactlyElementsOf(avroNames(AlertEvidence.getClassSchema()));
    }

    @Test
    void shouldWriteDatesAsIsoDaysTimestampsAsInstantsAndEnumsByName() {
        // Given a diplomatic alert raised on the morning of 7 February 2012
        Alert alert = gulfAmbassadorsRecalled();

        // When it is written as JSON
        ObjectNode json = AlertJson.toTree(alert);

        // Then dates, instants and enums read as people write them
        assertThat(json.get("eventDate").asText()).isEqualTo("2012-02-07");
        assertThat(json.get("firstSeen").asText()).isEqualTo("2012-02-07T09:30:00Z");
        assertThat(json.get("lastUpdated").asText()).isEqualTo("2012-02-07T09:30:00Z");
        assertThat(json.get("evidence").get(0).get("seenAt").asText()).isEqualTo("2012-02-07T09:30:00Z");
        assertThat(json.get("status").asText()).isEqualTo("NEW");
        assertThat(json.get("type").asText()).isEqualTo("DIPLOMATIC_ACTION");
        assertThat(json.get("severity").asText()).isEqualTo("HIGH");
        assertThat(json.get("actorMembers")).hasSize(6);
        assertThat(json.get("actorMembers").get(0).asText()).isEqualTo("Saudi Arabia");
    }

    @Test
    void shouldWriteAbsentOptionalFieldsAsJsonNull() {
        // Given a diplomatic alert, which has no place and no counts
        Alert alert = gulfAmbassadorsRecalled();

        // When it is written as JSON
        ObjectNode json = AlertJson.toTree(alert);

        // Then those fields are present and null rather than missing
        assertThat(json.has("place")).isTrue();
        assertThat(json.get("place").isNull()).isTrue();
        assertThat(json.get("count").isNull()).isTrue();
        assertThat(json.get("baseline").isNull()).isTrue();
        assertThat(json.get("evidence").get(0).get("attributedTo").isNull()).isTrue();
    }

    @Test
    void shouldReadBackTheSameAlertItWrote() {
        // Given alerts with every kind of field filled or empty
        List<Alert> alerts = List.of(
                homsCasualtySpike(),
                gulfAmbassadorsRecalled(),
                AlertFixtures.usEmbassyClosed(),
                AlertFixtures.corroborated(
                        homsCasualtySpike(),
                        "Reuters",
                        "Reuters counted 55 dead.",
                        AlertFixtures.MORNING.plusSeconds(7200)));

        // When each is written and read back, alone and as an array
        List<Alert> single =
                alerts.stream().map(AlertJson::toJson).map(AlertJson::fromJson).toList();
        List<Alert> array = AlertJson.fromJsonArray(AlertJson.toJsonArray(alerts));

        // Then nothing is lost or changed
        assertThat(single).isEqualTo(alerts);
        assertThat(array).isEqualTo(alerts);
    }

    @Test
    void shouldKeepLineBreaksAndMarkupInsideOneJsonLine() {
        // Given an alert whose text holds line breaks and markup
        Alert alert = Alert.newBuilder(homsCasualtySpike())
                .setHeadline("Line one\nline two\r\n<script>window.__pwned=1</script>")
                .build();

        // When it is written
        String json = AlertJson.toJson(alert);

        // Then the JSON is one line (so it fits one SSE data line) and the text comes back unchanged
        assertThat(json).doesNotContain("\n").doesNotContain("\r");
        assertThat(AlertJson.fromJson(json).getHeadline())
                .isEqualTo("Line one\nline two\r\n<script>window.__pwned=1</script>");
    }

    @Test
    void shouldFillSchemaDefaultsWhenOptionalFieldsAreMissing() {
        // Given the smallest JSON an alert can be: only the fields without a default
        String json = """
                {"id":"cas-daraa-2012-02-07","status":"NEW","type":"CASUALTY_SPIKE","headline":"Deaths in Daraa",
                 "severity":"MEDIUM","sources":1,"firstSeen":"2012-02-07T12:00:00Z","lastUpdated":"2012-02-07T12:00:00Z",
                 "evidence":[{"articleId":"a-9","sentence":"Five people died.","seenAt":"2012-02-07T12:00:00Z"}],
                 "somethingNewer":"ignored"}
                """;

        // When it is read
        Alert alert = AlertJson.fromJson(json);

        // Then the rest takes the schema defaults
        assertThat(alert.getId()).isEqualTo("cas-daraa-2012-02-07");
        assertThat(alert.getStatus()).isEqualTo(AlertStatus.NEW);
        assertThat(alert.getType()).isEqualTo(AlertType.CASUALTY_SPIKE);
        assertThat(alert.getSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(alert.getPlace()).isNull();
        assertThat(alert.getEventDate()).isNull();
        assertThat(alert.getActorMembers()).isEmpty();
        assertThat(alert.getOutlets()).isEmpty();
        assertThat(alert.getBackground()).isFalse();
        assertThat(alert.getRevision()).isZero();
        assertThat(alert.getEvidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.getUrl()).isNull();
            assertThat(evidence.getSentence()).isEqualTo("Five people died.");
        });
        // and the alert can be written back out
        assertThat(AlertJson.fromJson(AlertJson.toJson(alert))).isEqualTo(alert);
    }

    @Test
    void shouldNameTheMissingRequiredField() {
        // Given an alert JSON without its headline
        ObjectNode json = AlertJson.toTree(homsCasualtySpike());
        json.remove("headline");

        // When / Then reading it names the field
        assertThatThrownBy(() -> AlertJson.fromTree(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'headline'");
    }

    @Test
    void shouldNameTheFieldWithAWrongValueEvenInsideEvidence() {
        // Given alert JSONs with a bad date, a bad enum and a bad nested instant
        ObjectNode badDate = AlertJson.toTree(homsCasualtySpike()).put("eventDate", "07/02/2012");
        ObjectNode badEnum = AlertJson.toTree(homsCasualtySpike()).put("severity", "APOCALYPTIC");
        ObjectNode badNested = AlertJson.toTree(homsCasualtySpike());
        ((ObjectNode) badNested.get("evidence").get(1)).put("seenAt", "yesterday");
        ObjectNode nullRequired = AlertJson.toTree(homsCasualtySpike());
        nullRequired.putNull("sources");

        // When / Then each is rejected with the path of the field
        assertThatThrownBy(() -> AlertJson.fromTree(badDate))
                .hasMessageContaining("'eventDate'")
                .hasMessageContaining("ISO date");
        assertThatThrownBy(() -> AlertJson.fromTree(badEnum))
                .hasMessageContaining("'severity'")
                .hasMessageContaining("CRITICAL");
        assertThatThrownBy(() -> AlertJson.fromTree(badNested)).hasMessageContaining("'evidence[1].seenAt'");
        assertThatThrownBy(() -> AlertJson.fromTree(nullRequired)).hasMessageContaining("'sources'");
        assertThatThrownBy(() -> AlertJson.fromJson("{not json")).hasMessageContaining("Not JSON");
    }

    @Test
    void shouldReadTheEventDateAsALocalDate() {
        // Given a JSON alert with an ISO event date
        ObjectNode json = AlertJson.toTree(homsCasualtySpike()).put("eventDate", "2012-02-05");

        // When it is read
        Alert alert = AlertJson.fromTree(json);

        // Then the day is kept exactly
        assertThat(alert.getEventDate()).isEqualTo(LocalDate.of(2012, 2, 5));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static List<String> avroNames(Schema schema) {
        return schema.getFields().stream().map(Schema.Field::name).toList();
    }
}
