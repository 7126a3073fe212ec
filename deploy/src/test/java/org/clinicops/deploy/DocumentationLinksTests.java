package org.clinicops.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clone explains itself: every link of the repository's Markdown pages to a file of the repository resolves (a
 * class moved or renamed breaks a README row), and no page sends a reader to pages outside the repository.
 */
class DocumentationLinksTests {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    @Test
    void everyRelativeLinkOfEveryMarkdownPageResolvesInsideTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher links = LINK.matcher(Files.readString(page));
            while (links.find()) {
                String link = links.group(1);
                if (link.matches("^[a-z]+:.*")) {
                    continue; // https:, mailto:
                }
                Path target = page.getParent().resolve(link).normalize();
                if (!target.startsWith(DeployFiles.REPOSITORY) || !Files.exists(target)) {
                    broken.add(DeployFiles.REPOSITORY.relativize(page) + ": " + link);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(DeployFiles.REPOSITORY)) {
            List<Path> pages = files.filter(file -> file.toString().endsWith(".md"))
                    .filter(file -> Stream.of("target", ".git", "node_modules")
                            .noneMatch(skipped -> DeployFiles.REPOSITORY.relativize(file).toString()
                                    .startsWith(skipped + "/") || file.toString().contains("/" + skipped + "/")))
                    .toList();
            assertThat(pages).isNotEmpty();
            return pages;
        }
    }
}
