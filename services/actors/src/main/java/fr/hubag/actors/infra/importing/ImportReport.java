package fr.hubag.actors.infra.importing;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an import did, row by row: created, updated, unchanged or rejected (with each field at fault and why), and
 * the likely duplicates it noticed, which it reports and never merges. In a dry run the statuses say what the
 * import would do, and nothing is recorded. The document's shape; {@link ReportSpool} writes it to disk as the rows
 * are read, never holding it whole.
 */
public record ImportReport(String format, char separator, boolean legacy, boolean dryRun, List<String> ignoredColumns,
                           Summary summary, List<RowReport> rows, List<MergeCandidate> mergeCandidates) {

    /** Counts by status; {@code warningsByKind} counts the rows' warnings by their code (their field without one). */
    public record Summary(long rows, long created, long updated, long unchanged, long rejected, long mergeCandidates,
                          Map<String, Long> warningsByKind, long millis) {}

    /**
     * A problem or a warning on one column. A warning that reports a correction also has its {@code kind} (a stable
     * code, e.g. {@code phone-leading-zero-added}), what was {@code read} and what was {@code recorded} instead.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Issue(String field, String reason, String kind, String read, String recorded) {
        public Issue(String field, String reason) {
            this(field, reason, null, null, null);
        }

        /** What the summary counts it under: its kind, or its field when the reader gave it none. */
        public String summaryKind() {
            return kind != null ? kind : field;
        }
    }

    public record RowReport(long row, long line, String id, String status, UUID actorId, String territory,
                            List<Issue> problems, List<Issue> warnings) {}

    /** A row that looks like other places: earlier rows of the file or actors already in the census. */
    public record MergeCandidate(long row, UUID actorId, String name, List<Similar> similarTo) {}

    public record Similar(Long row, UUID actorId, String name, List<String> reasons) {}

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String UNCHANGED = "unchanged";
    public static final String REJECTED = "rejected";
}
