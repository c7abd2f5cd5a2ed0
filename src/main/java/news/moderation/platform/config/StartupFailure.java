package news.moderation.platform.config;

/**
 * The service cannot start because of something its operator can change; the message says what, naming the setting.
 * {@code main} reports it as one line, without a stack trace.
 */
public class StartupFailure extends RuntimeException {

    public StartupFailure(String message) {
        super(message);
    }

    public StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
