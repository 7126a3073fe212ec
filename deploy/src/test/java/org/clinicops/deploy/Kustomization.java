package org.clinicops.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.clinicops.deploy.DeployFiles.list;
import static org.clinicops.deploy.DeployFiles.map;

/**
 * Renders a kustomization as {@code kubectl kustomize} does, for the part of kustomize the manifests use:
 * {@code resources} (files, or folders with their own kustomization), {@code namespace}, {@code images} (new tags)
 * and {@code patches} (JSON 6902 add, replace and remove on targets by kind and name). Anything else in a
 * kustomization is refused rather than ignored, so a manifest this check cannot see is never taken for checked.
 */
final class Kustomization {

    private static final Set<String> UNDERSTOOD = Set.of("apiVersion", "kind", "namespace", "resources", "images",
            "patches");

    private Kustomization() {
    }

    static List<Map<String, Object>> render(Path folder) {
        Path file = folder.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(folder + " has no kustomization.yaml");
        }
        Map<String, Object> kustomization = DeployFiles.document(file);
        for (String field : kustomization.keySet()) {
            if (!UNDERSTOOD.contains(field)) {
                throw new IllegalStateException(file + ": '" + field + "' is not checked here; teach Kustomization it");
            }
        }
        List<Map<String, Object>> rendered = new ArrayList<>();
        for (Object resource : list(kustomization.get("resources"))) {
            Path path = folder.resolve(resource.toString()).normalize();
            if (Files.isDirectory(path)) {
                rendered.addAll(render(path));
            } else if (Files.isRegularFile(path)) {
                rendered.addAll(DeployFiles.documents(path));
            } else {
                throw new IllegalStateException(file + " lists " + resource + ", which does not exist");
            }
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            rendered.forEach(manifest -> metadata(manifest).put("namespace", namespace));
        }
        for (Object image : list(kustomization.get("images"))) {
            retag(file, rendered, map(image));
        }
        for (Object patch : list(kustomization.get("patches"))) {
            patch(file, rendered, map(patch));
        }
        return rendered;
    }

    private static void retag(Path file, List<Map<String, Object>> rendered, Map<String, Object> image) {
        String name = (String) image.get("name");
        int replaced = 0;
        for (Map<String, Object> manifest : rendered) {
            for (Object container : list(DeployFiles.at(manifest, "spec.template.spec.containers"))) {
                Map<String, Object> c = map(container);
                if (name.equals(c.get("image"))) {
                    c.put("image", name + ":" + image.get("newTag"));
                    replaced++;
                }
            }
        }
        if (replaced == 0) {
            throw new IllegalStateException(file + " sets a tag for the image " + name + ", which no container uses");
        }
    }

    private static void patch(Path file, List<Map<String, Object>> rendered, Map<String, Object> patch) {
        Map<String, Object> target = map(patch.get("target"));
        List<Map<String, Object>> targets = rendered.stream()
                .filter(manifest -> target.get("kind") == null || target.get("kind").equals(manifest.get("kind")))
                .filter(manifest -> target.get("name") == null || target.get("name").equals(metadata(manifest).get("name")))
                .toList();
        if (targets.isEmpty()) {
            throw new IllegalStateException(file + " patches " + target + ", which matches no resource");
        }
        List<Object> operations = list(DeployFiles.yaml((String) patch.get("patch")));
        for (Map<String, Object> manifest : targets) {
            for (Object operation : operations) {
                apply(file, manifest, map(operation));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void apply(Path file, Map<String, Object> manifest, Map<String, Object> operation) {
        String[] path = ((String) operation.get("path")).substring(1).split("/");
        Map<String, Object> parent = manifest;
        for (int i = 0; i < path.length - 1; i++) {
            Object next = parent.get(path[i]);
            if (!(next instanceof Map)) {
                throw new IllegalStateException(file + ": " + operation.get("path") + " does not exist in "
                        + metadata(manifest).get("name"));
            }
            parent = (Map<String, Object>) next;
        }
        String key = path[path.length - 1];
        String op = (String) operation.get("op");
        if (!op.equals("add") && !parent.containsKey(key)) {
            throw new IllegalStateException(file + ": " + op + " " + operation.get("path") + ", which "
                    + metadata(manifest).get("name") + " does not have");
        }
        switch (op) {
            case "add", "replace" -> parent.put(key, operation.get("value"));
            case "remove" -> parent.remove(key);
            default -> throw new IllegalStateException(file + ": the patch operation '" + op + "' is not checked here");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> manifest) {
        return (Map<String, Object>) manifest.computeIfAbsent("metadata", key -> new LinkedHashMap<>());
    }
}
