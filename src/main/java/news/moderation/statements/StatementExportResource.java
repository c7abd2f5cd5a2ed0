package news.moderation.statements;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import news.moderation.platform.errors.ClientErrorException;

/**
 * Admins export the statements of reasons of a period: as the Transparency Database's submission body (a
 * {@code statements} array, for its multiple-statements endpoint), or as CSV with one row per statement.
 */
@Path("/api/v1/admin/statements")
@RolesAllowed("admin")
public class StatementExportResource {

    /** The longest period one export covers, so that one request cannot read the whole table into memory. */
    static final int MAX_DAYS = 366;

    private final Statements statements;

    StatementExportResource(Statements statements) {
        this.statements = statements;
    }

    @GET
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("format") @DefaultValue("json") String format, @QueryParam("siteId") String siteId) {
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (last.isBefore(first)) {
            throw ClientErrorException.badRequest("to", "must not be before from");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw ClientErrorException.badRequest("to", "must be at most " + MAX_DAYS + " days after from");
        }
        List<Map<String, Object>> found = statements.madeBetween(first, last, Optional.ofNullable(siteId));
        return switch (format) {
            case "json" -> Response.ok(Map.of("statements", found), MediaType.APPLICATION_JSON).build();
            case "csv" -> Response.ok(csv(found), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"statements-" + first + "-" + last
                            + ".csv\"")
                    .build();
            default -> throw ClientErrorException.badRequest("format", "must be json or csv");
        };
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ClientErrorException.badRequest(name, "is required (a date, YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ClientErrorException.badRequest(name, "must be a date, YYYY-MM-DD");
        }
    }

    /** RFC 4180: a header of the API's field names; a list field's values joined by commas within its cell. */
    static String csv(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder(String.join(",", TransparencyDatabase.FIELDS)).append("\r\n");
        for (Map<String, Object> row : rows) {
            out.append(TransparencyDatabase.FIELDS.stream().map(field -> cell(row.get(field)))
                    .collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                : value.toString();
        return text.matches("[^\",\r\n]*") ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}
