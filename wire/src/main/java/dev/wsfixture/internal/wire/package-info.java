/**
 * The admin API's wire model (paths, bodies, the JSON mapper), shared by server and container
 * client. Not API.
 */
package dev.wsfixture.internal.wire;
