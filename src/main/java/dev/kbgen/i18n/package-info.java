/** Languages: translation pairing by id and the theme's UI strings per language. */
package dev.kbgen.i18n;
