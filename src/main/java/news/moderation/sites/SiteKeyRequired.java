package news.moderation.sites;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/** Marks the submission API: called by sites' backends with an X-Api-Key (or anonymously, where allowed). */
@NameBinding
@Retention(RUNTIME)
@Target({ TYPE, METHOD })
public @interface SiteKeyRequired {
}
