/**
 * Server-rendered HTML: the page models ({@code *Page} records) and {@link org.virtkg.pages.Pages},
 * which renders them with the JTE templates in {@code src/main/jte}. The templates are turned into
 * Java at build time ({@code jte-maven-plugin}, goal {@code generate}) and compiled with the rest of
 * the code; their content type is HTML, so every value is escaped for where it is written (text,
 * attribute, URL) without a call to an escaper. Routes build a model and render it; nothing here
 * reads the knowledge base.
 */
package org.virtkg.pages;
