/** Reading JSON request bodies as trees and checking them field by field, so a 422 names every bad field by its path. */
package org.clinicops.support.request;
