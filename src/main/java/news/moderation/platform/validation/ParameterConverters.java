package news.moderation.platform.validation;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import news.moderation.platform.errors.ClientErrorException;

/**
 * Query, path and header parameters of the types the API uses (numbers, enums, instants), parsed so that a bad value
 * is a 400 naming the parameter. Jakarta REST's own conversion answers 404 for a query parameter it cannot parse,
 * which tells a client nothing (ProblemMappers unwraps the refusal these converters throw).
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    /** What PostgreSQL's timestamptz and every date a person means fit in; beyond it, an instant is a mistake. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final String INSTANT_MESSAGE =
            "must be an ISO-8601 instant between 1970 and 9999, such as 2026-11-29T14:02:11Z";

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(name, ParameterConverters::instant, INSTANT_MESSAGE);
        }
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) converter(name, value -> Integer.valueOf(value.strip()),
                    "must be a whole number");
        }
        if (rawType == long.class || rawType == Long.class) {
            return (ParamConverter<T>) converter(name, value -> Long.valueOf(value.strip()), "must be a whole number");
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            return (ParamConverter<T>) converter(name, value -> Enum.valueOf(type, value), "must be one of " + allowed);
        }
        return null;
    }

    /** An instant within {@link #EARLIEST} and {@link #LATEST}, or an exception. */
    public static Instant instant(String value) {
        Instant instant = Instant.parse(value);
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new DateTimeParseException("out of range", value, 0);
        }
        return instant;
    }

    private static <T> ParamConverter<T> converter(String name, Function<String, T> parse, String message) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw ClientErrorException.badRequest(name, message);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
            }
        };
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return "parameter";
    }
}
