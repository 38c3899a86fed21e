package org.virtkg.pages;

/**
 * {@code GET /sparql} in a browser: the YASGUI editor.
 *
 * @param yasguiVersion the version of the YASGUI WebJar on the classpath (its files are under
 *     {@code /webjars/zazuko__yasgui/{version}/build/})
 * @param prefixesJson virtkg's own prefixes as a JSON object (prefix → namespace): the only
 *     prefixes the editor completes, so it never asks prefix.cc
 * @param endpoint the endpoint the editor queries first
 */
public record EditorPage(String yasguiVersion, String prefixesJson, String endpoint) {}
