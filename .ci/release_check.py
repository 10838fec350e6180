#!/usr/bin/env python3
"""Checks what Maven Central's validation rejects, on the effective POMs of the published modules
and on the jars the build left in their target folders.

Usage: release_check.py EFFECTIVE_POMS_XML   (the output of help:effective-pom over those modules)

Per published POM: name, description, url, a licence (name and url), a developer, scm (url and
connection), and one version for all. Per published jar module: the jar, -sources.jar and
-javadoc.jar exist; each holds META-INF/LICENSE; the jar's manifest names the module
(Automatic-Module-Name) and the version (Implementation-Version). The BOM manages exactly the
published jar modules. Signing (.asc) is left to the maintainer (docs/releasing.md).
"""
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

NS = {"m": "http://maven.apache.org/POM/4.0.0"}
MODULE_NAMES = {
    "scopekey-core": "dev.scopekey.core",
    "scopekey-servlet": "dev.scopekey.servlet",
    "scopekey-testkit": "dev.scopekey.testkit",
    "scopekey-micrometer": "dev.scopekey.micrometer",
    "scopekey-spring-boot": "dev.scopekey.spring",
    "scopekey-spring-boot-starter": "dev.scopekey.spring.starter",
}
PUBLISHED_POMS = {"scopekey-parent", "scopekey-bom", *MODULE_NAMES}


def text(project, path):
    found = project.find(path, NS)
    return (found.text or "").strip() if found is not None else ""


def manifest(jar):
    with zipfile.ZipFile(jar) as z:
        lines = z.read("META-INF/MANIFEST.MF").decode("utf-8").replace("\r\n ", "").splitlines()
    return dict(line.split(": ", 1) for line in lines if ": " in line)


def check_pom(project, problems):
    artifact = text(project, "m:artifactId")
    for what, path in [("name", "m:name"), ("description", "m:description"), ("url", "m:url"),
                       ("licence name", "m:licenses/m:license/m:name"),
                       ("licence url", "m:licenses/m:license/m:url"),
                       ("developer", "m:developers/m:developer/m:name"),
                       ("scm url", "m:scm/m:url"), ("scm connection", "m:scm/m:connection")]:
        if not text(project, path):
            problems.append(f"{artifact}: the POM has no {what}")


def check_jars(project, problems):
    artifact, version = text(project, "m:artifactId"), text(project, "m:version")
    target = Path(text(project, "m:build/m:directory"))
    for classifier in ["", "-sources", "-javadoc"]:
        jar = target / f"{artifact}-{version}{classifier}.jar"
        if not jar.is_file():
            problems.append(f"{artifact}: {jar.name} was not built")
            continue
        with zipfile.ZipFile(jar) as z:
            if "META-INF/LICENSE" not in z.namelist():
                problems.append(f"{artifact}: {jar.name} has no META-INF/LICENSE")
        if classifier == "":
            entries = manifest(jar)
            if entries.get("Automatic-Module-Name") != MODULE_NAMES[artifact]:
                problems.append(f"{artifact}: Automatic-Module-Name is "
                                f"{entries.get('Automatic-Module-Name')!r}, not {MODULE_NAMES[artifact]!r}")
            if entries.get("Implementation-Version") != version:
                problems.append(f"{artifact}: Implementation-Version is "
                                f"{entries.get('Implementation-Version')!r}, not {version!r}")


def check_bom(project, problems):
    managed = {text(d, "m:artifactId"): text(d, "m:version")
               for d in project.findall("m:dependencyManagement/m:dependencies/m:dependency", NS)}
    version = text(project, "m:version")
    if managed != {artifact: version for artifact in MODULE_NAMES}:
        problems.append(f"scopekey-bom: manages {managed}, not exactly {sorted(MODULE_NAMES)} at {version}")


def main(effective_poms):
    root = ET.parse(effective_poms).getroot()
    projects = root.findall("m:project", NS) if root.tag.endswith("projects") else [root]
    by_artifact = {text(p, "m:artifactId"): p for p in projects}
    problems = [f"{a}: no effective POM (not in the build?)" for a in sorted(PUBLISHED_POMS - by_artifact.keys())]
    versions = {text(p, "m:version") for a, p in by_artifact.items() if a in PUBLISHED_POMS}
    if len(versions) > 1:
        problems.append(f"the published POMs differ in version: {sorted(versions)}")
    for artifact, project in sorted(by_artifact.items()):
        if artifact not in PUBLISHED_POMS:
            continue
        check_pom(project, problems)
        if artifact in MODULE_NAMES:
            check_jars(project, problems)
        if artifact == "scopekey-bom":
            check_bom(project, problems)
    for problem in problems:
        print(f"release check: {problem}", file=sys.stderr)
    checked = len(PUBLISHED_POMS & by_artifact.keys())
    print(f"release check: {checked} published POMs, {3 * len(MODULE_NAMES & by_artifact.keys())} jars: "
          + ("ok" if not problems else f"{len(problems)} problems"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
