package dev.zhsearch.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/** The admin token check for requests that change the index: writes and reindexing. */
final class Authorization {

    /** A request refused: 403 (no token configured: off), 401 (missing or wrong token), 405 (read-only server). */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private final List<String> tokens;

    Authorization(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    /** Throws unless the request carries one of the tokens as {@code Authorization: Bearer} (compared in constant time). */
    void require(Context ctx, String what) {
        if (tokens.isEmpty()) {
            throw new Refused(403, what + " over HTTP is off: start the server with ZHSEARCH_TOKEN set to enable it");
        }
        String auth = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        byte[] given = (auth.startsWith("Bearer ") ? auth.substring(7).strip() : "").getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (String token : tokens) {
            ok |= MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
        }
        if (!ok) {
            throw new Refused(401, "missing or wrong token (Authorization: Bearer TOKEN)");
        }
    }
}
