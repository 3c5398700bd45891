package io.jenkins.plugins.projectboards.client.projectplace;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Projectplace's times, read leniently. The one published sample writes {@code 2023-06-28 13:49:31Z} (a space, not
 * ISO's {@code T}; the webhook example's card), its deliveries' {@code ts} is epoch seconds and its people listing's
 * {@code last_login} epoch milliseconds; other answers are not published. A time in none of these shapes reads as
 * unknown, never as an error: the card it belongs to exists whatever its time says.
 */
final class ProjectplaceTimes {
    /** {@code T} or a space between date and time, an optional fraction and offset ({@code Z}, {@code +02:00}, {@code +0200}). */
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendPattern("[XXX][XX]").optionalEnd()
            .toFormatter(Locale.ROOT);
    /** Epoch numbers above this are milliseconds (it is the year 5138 in seconds). */
    private static final double MILLISECONDS_FROM = 1e11;

    private ProjectplaceTimes() {}

    /** A point in time; a time without an offset is UTC, as the published sample's {@code Z} is; {@code null} when unknown. */
    static Instant instant(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return epoch(value.asDouble());
        }
        String text = value.asText().strip();
        if (text.matches("[0-9]+(\\.[0-9]+)?")) {
            return epoch(Double.parseDouble(text));
        }
        try {
            TemporalAccessor parsed = TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime withOffset ? withOffset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A day ({@code due_date}): {@code 2027-01-15}, or the date part of a time; {@code null} when unknown. */
    static LocalDate date(String text) {
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant epoch(double number) {
        double millis = number >= MILLISECONDS_FROM ? number : number * 1000;
        return Instant.ofEpochMilli((long) millis);
    }
}
