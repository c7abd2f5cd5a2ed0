package news.moderation.workbench;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import news.moderation.engine.RulesetException;
import news.moderation.engine.rules.RuleFiles;
import news.moderation.platform.errors.ClientErrorException;
import news.moderation.ruleset.RulesetService;

/**
 * For admins: the rule files in the rules directory, read-only, so that the dashboard's workbench can start a change
 * from the current file. Changes go live only through the files themselves (a reload).
 */
@Path("/api/v1/admin/ruleset/files")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class RuleFilesResource {

    /** A file of the list: its path relative to the rules directory and its size in UTF-16 characters. */
    public record Listed(String path, int length) {
    }

    private final RulesetService rulesets;

    RuleFilesResource(RulesetService rulesets) {
        this.rulesets = rulesets;
    }

    @GET
    public List<Listed> list() {
        return files().stream().map(file -> new Listed(file.path(), file.content().length())).toList();
    }

    /** One file; {@code path} is as the list names it (with '/'). */
    @GET
    @Path("/{path: .+}")
    public RuleFiles.RuleFile file(@PathParam("path") String path) {
        return files().stream().filter(file -> file.path().equals(path)).findFirst()
                .orElseThrow(() -> new NotFoundException("No rule file " + path + " in the rules directory"));
    }

    private List<RuleFiles.RuleFile> files() {
        try {
            return rulesets.ruleFiles();
        } catch (RulesetException e) { // the directory went away or is unreadable since the rules loaded
            throw new ClientErrorException(Response.Status.SERVICE_UNAVAILABLE,
                    "The rules directory cannot be read: " + e.getMessage());
        }
    }
}
