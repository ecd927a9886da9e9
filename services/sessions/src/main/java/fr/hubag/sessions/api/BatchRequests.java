package fr.hubag.sessions.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.hubag.servicekit.commands.Commands;
import fr.hubag.servicekit.problem.FieldError;
import fr.hubag.servicekit.problem.InvalidRequest;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.problem.Violations;
import fr.hubag.servicekit.web.StrictText;
import fr.hubag.sessions.api.ActivityReportRequests.ActivityReportRequest;
import fr.hubag.sessions.api.SessionRequests.AttendanceRequest;
import fr.hubag.sessions.application.BatchItem;
import fr.hubag.sessions.application.BatchItem.AttendanceItem;
import fr.hubag.sessions.application.BatchItem.ReportItem;
import fr.hubag.sessions.application.BatchItem.Unreadable;
import fr.hubag.sessions.domain.ActivityReportCommand.Activity;
import fr.hubag.sessions.domain.SessionCommand.RecordAttendance;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static fr.hubag.sessions.api.SessionRequests.UUID_FORMAT;

/**
 * The body of an offline batch and how each of its items becomes a command. The batch is read as a JSON tree and
 * each item converted on its own, so that an item the phone got wrong (a wrong type, a missing field) is refused
 * alone, its fields named from the batch ({@code items[3].report.date}), while the others apply. Each item's content
 * hash is over its type, time and re-serialised body (map keys sorted): a re-sent item matches whatever its
 * white space or key order.
 */
public final class BatchRequests {

    private BatchRequests() {}

    static final String REPORT = "activity-report";
    static final String ATTENDANCE = "attendance";

    @Schema(description = "One command recorded offline")
    public record OfflineItemRequest(
            @Schema(required = true, format = UUID_FORMAT, description = "generated on the phone when the item was "
                    + "recorded: the item's idempotency key (a re-sent item is applied once)") String id,
            @Schema(required = true, enumeration = {REPORT, ATTENDANCE}) String type,
            @Schema(required = true, example = "2026-11-25T14:03:00-03:00", description = "when the item was "
                    + "recorded on the phone, with its offset: the time its events carry") String occurredAt,
            @Schema(description = "type activity-report: the report, as POST /api/sessions/activity-reports takes "
                    + "it") ActivityReportRequest report,
            @Schema(format = UUID_FORMAT, description = "type attendance: the scheduled session") String sessionId,
            @Schema(description = "type attendance: as POST /api/sessions/{id}/attendance takes it")
            AttendanceRequest attendance) {}

    public record OfflineBatchRequest(
            @Schema(required = true, minItems = 1, maxItems = 200, description = "applied in this order")
            List<OfflineItemRequest> items) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OfflineItemView(
            @Schema(description = "the item's position in the batch") int index,
            @Schema(description = "the item's id as sent") String id,
            @Schema(enumeration = {"created", "already-recorded", "rejected"}) String status,
            @Schema(description = "where the result is read: the activity report or the session") String location,
            @Schema(description = "the stream version the item left") Long version,
            @Schema(description = "why a rejected item was not applied") Problem problem) {

        static OfflineItemView of(BatchItem.Result r) {
            return new OfflineItemView(r.index(), r.id(), r.status().code(), r.location(), r.version(),
                    r.problem() == null ? null : inBatch(r.problem(), r.index()));
        }

        /** The problem with its fields named from the batch: {@code date} of item 3 is {@code items[3].date}. */
        private static Problem inBatch(Problem problem, int index) {
            String item = "items[" + index + "]";
            return problem.errors() == null ? problem : problem.withErrors(problem.errors().stream()
                    .map(e -> new FieldError(e.field().isEmpty() ? item
                            : item + (e.field().startsWith("[") ? "" : ".") + e.field(), e.message()))
                    .toList());
        }
    }

    public record OfflineBatchView(int created, int alreadyRecorded, int rejected, List<OfflineItemView> items) {

        static OfflineBatchView of(List<BatchItem.Result> results) {
            List<OfflineItemView> items = results.stream().map(OfflineItemView::of).toList();
            return new OfflineBatchView(count(results, BatchItem.Status.CREATED),
                    count(results, BatchItem.Status.ALREADY_RECORDED), count(results, BatchItem.Status.REJECTED),
                    items);
        }

        private static int count(List<BatchItem.Result> results, BatchItem.Status status) {
            return (int) results.stream().filter(r -> r.status() == status).count();
        }
    }

    /** The batch's items, still as JSON: a body that is no batch at all is a 400 and nothing is applied. */
    static List<JsonNode> items(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidRequest.of("body", "must be an object {\"items\": [...]}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("items")) {
                throw InvalidRequest.of(name, "unknown field '" + name + "'");
            }
        }
        JsonNode items = body.get("items");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw InvalidRequest.of("items", "must be a list of at least one item");
        }
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    /**
     * One item as a command, or as the problem that refuses it alone; the fields a problem names are the item's
     * ({@code report.date}), the answer puts them in the batch ({@code items[3].report.date}).
     */
    static BatchItem item(ObjectMapper json, JsonNode node) {
        String id = node.path("id").isTextual() ? node.get("id").asText() : null;
        OfflineItemRequest r;
        try {
            r = json.treeToValue(node, OfflineItemRequest.class);
        } catch (JsonProcessingException e) {
            return new Unreadable(id, session(node), unreadable(e));
        }
        try {
            return item(json, r);
        } catch (InvalidRequest invalid) {
            return new Unreadable(id, session(node), Problem.of(Response.Status.BAD_REQUEST, "invalid-request",
                    invalid.getMessage()).withErrors(invalid.errors()));
        }
    }

    /** The session a malformed item names, if it names one readably. */
    private static UUID session(JsonNode node) {
        Violations ignored = new Violations();
        return node.path("sessionId").isTextual()
                ? SessionRequests.uuid(ignored, "sessionId", node.get("sessionId").asText(), false).orElse(null)
                : null;
    }

    private static BatchItem item(ObjectMapper json, OfflineItemRequest r) {
        if (r == null) {
            throw InvalidRequest.of("", "must be an object");
        }
        Violations v = new Violations();
        Optional<UUID> id = SessionRequests.uuid(v, "id", r.id(), true);
        Optional<String> type = v.matches("type", r.type(), REPORT + "|" + ATTENDANCE, REPORT + " or " + ATTENDANCE);
        Optional<Instant> occurredAt = instant(v, "occurredAt", r.occurredAt());
        boolean report = type.filter(REPORT::equals).isPresent();
        boolean attendance = type.filter(ATTENDANCE::equals).isPresent();
        requiredFor(v, "report", r.report(), report, type.isPresent());
        requiredFor(v, "sessionId", r.sessionId(), attendance, type.isPresent());
        requiredFor(v, "attendance", r.attendance(), attendance, type.isPresent());
        Optional<UUID> sessionId = attendance ? SessionRequests.uuid(v, "sessionId", r.sessionId(), true)
                : Optional.empty();
        v.throwIfAny();
        String hash = Commands.hash(type.get() + "\n" + occurredAt.get() + "\n" + r.sessionId() + "\n"
                + canonical(json, report ? r.report() : r.attendance()));
        if (report) {
            Activity activity = within("report.", () -> ActivityReportRequests.activity(r.report()));
            return new ReportItem(r.id(), id.get(), occurredAt.get(), activity,
                    ActivityReportResource.notes(r.report()), hash);
        }
        RecordAttendance command = within("attendance.",
                () -> SessionRequests.attendance(r.attendance(), sessionId.get(), occurredAt.get()));
        return new AttendanceItem(r.id(), id.get(), occurredAt.get(), sessionId.get(), command.participants(),
                command.complete(), hash);
    }

    private static void requiredFor(Violations v, String field, Object value, boolean required, boolean typed) {
        if (required && value == null) {
            v.add(field, "is required for this type");
        } else if (!required && typed && value != null) {
            v.add(field, "is not taken for this type");
        }
    }

    /** An instant with its offset ({@code 2026-11-25T14:03:00-03:00} or {@code …Z}): a phone's clock, not a guess. */
    private static Optional<Instant> instant(Violations v, String field, String value) {
        if (value == null || value.isBlank()) {
            v.add(field, "is required");
            return Optional.empty();
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(value);
            if (time.getYear() < 2000 || time.getYear() > 2199) {
                v.add(field, "must be a date-time between 2000 and 2199");
                return Optional.empty();
            }
            return Optional.of(time.toInstant());
        } catch (DateTimeParseException e) {
            v.add(field, "must be a date-time with its offset, e.g. 2026-11-25T14:03:00-03:00");
            return Optional.empty();
        }
    }

    /** Runs a body's own conversion, its field errors named from the batch. */
    private static <T> T within(String prefix, java.util.function.Supplier<T> convert) {
        try {
            return convert.get();
        } catch (InvalidRequest invalid) {
            throw new InvalidRequest(invalid.errors().stream()
                    .map(e -> new FieldError(prefix + e.field(), e.message())).toList());
        }
    }

    private static Problem unreadable(JsonProcessingException e) {
        String path = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "") : "";
        String detail = e instanceof StrictText.Refused refused ? refused.reason()
                : e.getOriginalMessage().startsWith("Unrecognized field") ? "unknown field"
                : "has the wrong type or format";
        return Problem.of(Response.Status.BAD_REQUEST, "malformed-item", path.isEmpty() ? detail : path + ": " + detail)
                .withErrors(List.of(new FieldError(path, detail)));
    }

    private static String canonical(ObjectMapper json, Object body) {
        try {
            return json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
