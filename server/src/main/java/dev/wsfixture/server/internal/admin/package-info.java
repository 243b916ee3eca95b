/** The admin HTTP API under {@code /__admin/}: another face of the Java API. Not API. */
package dev.wsfixture.server.internal.admin;
