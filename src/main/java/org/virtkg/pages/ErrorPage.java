package org.virtkg.pages;

import java.util.List;

/**
 * An error answered to a browser (a request that prefers HTML) on a page route: the same problem a
 * program gets as problem+json, in the site's shell, with its suggestions as links.
 *
 * @param status the HTTP status
 * @param heading what went wrong, in a few words
 * @param detail the problem's detail: what was asked and what to do
 * @param suggestions where the reader may have meant to go
 * @param requestId the id to quote when reporting it
 */
public record ErrorPage(int status, String heading, String detail, List<Link> suggestions, String requestId) {}
