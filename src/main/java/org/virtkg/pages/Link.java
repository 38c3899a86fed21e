package org.virtkg.pages;

/**
 * A link as a page shows it. {@code href} is {@code null} when the target is no web address (a
 * {@code javascript:}, {@code data:} or {@code urn:} IRI in the data): the text is then shown, never
 * followed.
 */
public record Link(String href, String text) {}
