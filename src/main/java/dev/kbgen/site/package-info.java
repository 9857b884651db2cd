/**
 * Assembles the site: the one URL rule, link resolution, tags, products, error codes, related
 * articles, feeds and the view records that templates receive.
 */
package dev.kbgen.site;
