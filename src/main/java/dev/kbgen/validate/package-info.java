/** Content rules, one small class per check; each turns what it finds into problems. */
package dev.kbgen.validate;
