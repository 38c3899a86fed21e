package org.virtkg.store;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach a remote SPARQL 1.1 store.
 *
 * @param queryUrl  the SPARQL Protocol query endpoint (Fuseki: the dataset URL; GraphDB:
 *                  {@code …/repositories/ID}; Stardog: {@code …/DB/query}; Neptune: {@code …/sparql})
 * @param updateUrl the SPARQL Protocol update endpoint (Fuseki: the dataset URL; GraphDB:
 *                  {@code …/repositories/ID/statements}; Stardog: {@code …/DB/update}; Neptune: {@code …/sparql})
 * @param user      user name for HTTP Basic authentication, or {@code null}
 * @param password  its password, or {@code null}
 * @param timeout   the longest one request to the store may take
 */
public record RemoteStoreSettings(String queryUrl, String updateUrl, String user, String password, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public RemoteStoreSettings {
        check(queryUrl, "query");
        check(updateUrl, "update");
        if ((user == null) != (password == null))
            throw new IllegalArgumentException("A store user needs a password and a password needs a user");
    }

    /** One URL for both queries and updates, as Fuseki serves a dataset; no credentials. */
    public static RemoteStoreSettings of(String datasetUrl) {
        return new RemoteStoreSettings(datasetUrl, datasetUrl, null, null, DEFAULT_TIMEOUT);
    }

    public RemoteStoreSettings withCredentials(String u, String p) {
        return new RemoteStoreSettings(queryUrl, updateUrl, u, p, timeout);
    }

    /** The query URL without any user-info part, safe for logs and {@code /api/health}. */
    public String displayUrl() {
        URI u = URI.create(queryUrl);
        return u.getUserInfo() == null ? queryUrl : queryUrl.replace(u.getRawUserInfo() + "@", "");
    }

    private static void check(String url, String what) {
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("The store's " + what + " URL is not a URL: " + url);
        }
        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null)
            throw new IllegalArgumentException("The store's " + what + " URL must be an http(s) URL with a host: " + url);
    }

    @Override
    public String toString() {
        // Never print the password.
        return "RemoteStoreSettings[" + displayUrl() + (user == null ? "" : ", user " + user) + "]";
    }
}
