#!/usr/bin/env bash
# Validates the Kubernetes deployment offline; CI calls this. One command:
#   1. rules/Kustomization lists exactly the files in rules/ (a new rule file that is not listed fails);
#   2. every overlay renders with `kubectl kustomize`;
#   3. every rendered object validates against the Kubernetes API schemas (fabric8 model) and the CloudNativePG
#      Cluster against its CRD's schema (deploy/validation), unknown fields included;
#   4. the pods serve the rules ConfigMap: every rendered Deployment points MODERATION_RULES_DIR at the mount of the
#      moderation-rules volume, and the image (src/main/docker/Dockerfile.jvm) ships no rules folder of its own;
#   5. self-test, so a green run means something: a rendered Deployment and a rendered Cluster, each with one
#      misspelt field, must both be rejected, and the rejection must name that field; a Deployment whose
#      MODERATION_RULES_DIR misses the mount must be reported.
# Needs Java 17 and kubectl (installed from the system's apt sources if missing); reads the CRD from
# ../shared/k8s/ beside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

CRD=../shared/k8s/postgresql.cnpg.io_clusters.yaml
[ -f "$CRD" ] || { echo "validate: $CRD not found (shared/ must lie beside the repository)" >&2; exit 1; }
if ! command -v kubectl >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubectl
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0

validator() {
  ./mvnw -f deploy/validation/pom.xml -q -B compile exec:java -Dexec.args="--crd $CRD $*"
}

# Mutates one rendered manifest with sed and checks that the validator rejects it, naming the misspelt field.
expect_rejected() {
  local what=$1 source=$2 expression=$3 field=$4 broken="$work/broken-$1.yaml" output
  sed "$expression" "$source" >"$broken"
  grep -q "$field" "$broken" || { echo "validate: self-test $what: the misspelling was not applied" >&2; exit 1; }
  if output=$(validator "$broken"); then
    echo "$output"
    echo "validate: self-test FAILED: a $what with '$field' was accepted" >&2
    exit 1
  fi
  if ! grep -q "$field" <<<"$output"; then
    echo "$output"
    echo "validate: self-test $what: rejected, but not for '$field'" >&2
    exit 1
  fi
  echo "self-test: $what with misspelt '$field' rejected: $(grep "$field" <<<"$output")"
  passed=$((passed + 1))
}

echo "== rules/Kustomization up to date"
deploy/tools/rules-kustomization.sh --check
# The API server refuses a ConfigMap over 1 MiB: the rules must fit in one.
rules_bytes=$(kubectl kustomize rules | wc -c)
if [ "$rules_bytes" -ge 1000000 ]; then
  echo "validate: the rules ConfigMap is $rules_bytes bytes, over the 1 MiB limit" >&2
  exit 1
fi
echo "rules ConfigMap: $rules_bytes bytes (limit 1 MiB)"
passed=$((passed + 1))

echo "== render overlays ($(kubectl version --client 2>/dev/null | grep -i kustomize || true))"
rendered=()
for overlay in deploy/overlays/*/; do
  name=$(basename "$overlay")
  kubectl kustomize "$overlay" >"$work/$name.yaml"
  echo "$name: $(grep -c '^kind:' "$work/$name.yaml") objects"
  rendered+=("$work/$name.yaml")
done

echo "== validate rendered objects"
validator "${rendered[@]}"
passed=$((passed + 1))

# Prints why the rendered overlay $1 would not serve the rules ConfigMap, or nothing. (kustomize writes each
# mount as "- mountPath: …" then "name: …", and a volume's configMap before its name.)
rules_mount_problem() {
  local file=$1 dir
  dir=$(grep -A1 -- '- name: MODERATION_RULES_DIR$' "$file" | sed -n 's/^ *value: //p')
  if [ -z "$dir" ]; then
    echo "$(basename "$file"): the Deployment sets no MODERATION_RULES_DIR"
  elif ! grep -A1 -- "- mountPath: $dir\$" "$file" | grep -q ' name: rules$'; then
    echo "$(basename "$file"): MODERATION_RULES_DIR=$dir is not where the rules volume is mounted"
  elif ! grep -B2 ' name: rules$' "$file" | grep -q ' name: moderation-rules$'; then
    echo "$(basename "$file"): the rules volume is not the moderation-rules ConfigMap"
  fi
}

echo "== the pods serve the rules ConfigMap, the image no rules folder of its own"
for file in "${rendered[@]}"; do
  problem=$(rules_mount_problem "$file")
  [ -z "$problem" ] || { echo "validate: $problem" >&2; exit 1; }
done
# Without a rules folder the image serves the rules built into the application jar (a copy of rules/ at build time).
if grep -Eq '^(COPY[^#]*rules|ENV[^#]*MODERATION_RULES_DIR)' src/main/docker/Dockerfile.jvm; then
  echo "validate: src/main/docker/Dockerfile.jvm copies rules or sets MODERATION_RULES_DIR; the jar has them" >&2
  exit 1
fi
echo "every Deployment reads MODERATION_RULES_DIR from the moderation-rules mount; the image has no rules folder"
passed=$((passed + 1))

echo "== self-test: the validation can fail"
expect_rejected Deployment "$work/dev.yaml" 's/imagePullPolicy:/imagePullPolcy:/' imagePullPolcy
expect_rejected Cluster "$work/production.yaml" 's/enablePodAntiAffinity:/enablePodAntiAfinity:/' enablePodAntiAfinity
sed 's|value: /config/rules$|value: /deployments/rules|' "$work/dev.yaml" >"$work/broken-rules-dir.yaml"
problem=$(rules_mount_problem "$work/broken-rules-dir.yaml")
[ -n "$problem" ] || { echo "validate: self-test FAILED: MODERATION_RULES_DIR off the mount was accepted" >&2; exit 1; }
echo "self-test: Deployment with MODERATION_RULES_DIR off the mount reported: $problem"
passed=$((passed + 1))

echo "deploy validation: $passed passed, 0 failed"
