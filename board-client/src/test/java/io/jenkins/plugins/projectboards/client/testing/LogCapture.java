package io.jenkins.plugins.projectboards.client.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The records one {@code java.util.logging} logger writes while it is open; closing it puts the logger back as it was. */
public final class LogCapture extends Handler implements AutoCloseable {
    public final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger logger;
    private final Level previous;

    /** @param level the level to set while capturing; {@code null} keeps the logger's own */
    public LogCapture(Class<?> loggerName, Level level) {
        logger = Logger.getLogger(loggerName.getName());
        previous = logger.getLevel();
        if (level != null) {
            logger.setLevel(level);
        }
        logger.addHandler(this);
    }

    public List<String> messages() {
        return records.stream().map(LogRecord::getMessage).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
