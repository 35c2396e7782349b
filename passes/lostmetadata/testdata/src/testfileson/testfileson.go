// Package testfileson is checked with -lostmetadata.tests.
package testfileson
