/**
 * The project's world knowledge as data: countries, blocs and international bodies, per-language actor names and
 * the GeoNames-derived world gazetteer, kept as versioned TSV resources under {@code io/wirewatch/knowledge/}
 * ({@code world/} for facts that hold in every language, one folder per language for words) and read by the one
 * loader, {@link io.wirewatch.knowledge.KnowledgeTable}. A new phrasing is a row plus a test; a new language is a
 * folder. No Kafka, nothing of ours.
 */
package io.wirewatch.knowledge;
