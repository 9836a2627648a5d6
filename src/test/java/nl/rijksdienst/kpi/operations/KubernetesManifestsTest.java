package nl.rijksdienst.kpi.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.FileInputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import nl.rijksdienst.kpi.testing.ExternalTools;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests in docker/kubernetes/ can be applied as they are, checked without a
 * cluster: against the Kubernetes API schemas (required fields, types, enums; the kubernetes-models
 * package from the npm registry, skipped where npm is missing), for fields Kubernetes does not know
 * (the fabric8 API types, as kubeconform's strict mode does), and for what the service needs of them
 * (probes on its health endpoints, a grace period longer than its drain, no secret in a file).
 * The compose file is checked for what scaling out needs.
 */
class KubernetesManifestsTest {

    private static final Path DIR = Path.of("docker", "kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper STRICT = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private static List<Path> resources() throws Exception {
        JsonNode kustomization = YAML.readTree(DIR.resolve("kustomization.yaml").toFile());
        List<Path> files = new ArrayList<>();
        kustomization.get("resources").forEach(r -> files.add(DIR.resolve(r.asText())));
        return files;
    }

    private static <T> T read(String file, Class<T> type) throws Exception {
        return STRICT.readValue(DIR.resolve(file).toFile(), type);
    }

    @Test
    void theKustomizationListsEveryManifestAndNothingElse() throws Exception {
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> manifests = files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).sorted().toList();
            assertThat(resources()).containsExactlyInAnyOrderElementsOf(manifests);
        }
    }

    @Test
    void everyManifestPassesTheKubernetesApiSchemas() throws Exception {
        Assumptions.assumeTrue(ExternalTools.onPath("npm") && ExternalTools.onPath("node"), "npm and node are not installed");
        Path dir = Path.of("target", "kubernetes-models").toAbsolutePath();
        ExternalTools.npmInstall(dir, "node_modules/kubernetes-models", "kubernetes-models@4.5.1", "yaml@2.9.1");
        List<String> command = new ArrayList<>(List.of("node", Path.of("src/test/resources/kubernetes/validate.cjs").toAbsolutePath().toString()));
        resources().forEach(f -> command.add(f.toAbsolutePath().toString()));

        String output = ExternalTools.run(command, dir.resolve("validate.log"), Map.of("NODE_PATH", dir.resolve("node_modules").toString()));

        assertThat(output).contains(resources().size() + " valid, 0 invalid");
    }

    @Test
    void noManifestHasAFieldKubernetesDoesNotKnow() throws Exception {
        Map<String, Class<? extends KubernetesResource>> kinds = Map.of("Deployment", Deployment.class, "Service", Service.class,
                "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class, "PodDisruptionBudget", PodDisruptionBudget.class);
        for (Path file : resources()) {
            String kind = YAML.readTree(file.toFile()).get("kind").asText();
            assertThat(kinds).as(file + ": a kind this test knows").containsKey(kind);
            Object resource = YAML.readValue(file.toFile(), kinds.get(kind));
            List<String> unknown = new ArrayList<>();
            collectUnknownFields(resource, kind, unknown, new IdentityHashMap<>());
            assertThat(unknown).as(file.toString()).isEmpty();
        }
    }

    /** fabric8 keeps fields its Kubernetes types lack in additionalProperties: any there is a typo or a wrong place. */
    private static void collectUnknownFields(Object value, String path, List<String> unknown, Map<Object, Boolean> seen) throws Exception {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                collectUnknownFields(e.getValue(), path + "." + e.getKey(), unknown, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child = getter.invoke(value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> unknown.add(path + "." + k));
                }
                continue;
            }
            collectUnknownFields(child, path + "." + decapitalize(getter.getName().substring(3)), unknown, seen);
        }
    }

    @Test
    void theDeploymentFitsHowTheServiceStartsStopsAndFails() throws Exception {
        Deployment deployment = read("deployment.yaml", Deployment.class);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Container api = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(podLabels);
        assertThat(api.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
        assertThat(api.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(api.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(api.getPorts().get(0).getContainerPort()).isEqualTo(8080);

        long drainSeconds = shutdownTimeoutSeconds();
        long preStopSeconds = Long.parseLong(api.getLifecycle().getPreStop().getExec().getCommand().get(1));
        assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .as("grace period covers preStop and the drain").isGreaterThan(preStopSeconds + drainSeconds);

        assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(api.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(api.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(api.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        assertThat(api.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(api.getResources().getLimits()).containsKey("memory");

        assertThat(api.getEnv()).filteredOn(e -> e.getName().startsWith("QUARKUS_DATASOURCE_"))
                .hasSize(3).allSatisfy(e -> assertThat(e.getValueFrom().getSecretKeyRef()).as(e.getName() + " from a Secret").isNotNull());
        assertThat(api.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("KPI_EMBEDDED_POSTGRES_ENABLED");
            assertThat(e.getValue()).isEqualTo("false");
        });
        assertThat(api.getEnv()).anySatisfy(e -> assertThat(e.getName()).isEqualTo("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));

        Service service = read("service.yaml", Service.class);
        assertThat(service.getSpec().getSelector()).isEqualTo(podLabels);
        PodDisruptionBudget pdb = read("poddisruptionbudget.yaml", PodDisruptionBudget.class);
        assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(podLabels);
        HorizontalPodAutoscaler hpa = read("horizontalpodautoscaler.yaml", HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).as("one replica can be disrupted while one serves").isGreaterThanOrEqualTo(2);
    }

    @Test
    void theComposeFileScalesOutBehindAProxyWithoutADefaultPassword() throws Exception {
        String text = Files.readString(Path.of("docker", "compose.yaml"), StandardCharsets.UTF_8);
        JsonNode compose = YAML.readTree(text);
        JsonNode api = compose.at("/services/api");

        assertThat(api.has("ports")).as("no fixed host port on the replicas, so --scale works").isFalse();
        assertThat(api.at("/deploy/replicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(api.at("/environment/MP_JWT_VERIFY_PUBLICKEY_LOCATION").asText()).isNotBlank();
        assertThat(compose.at("/services/proxy/image").asText()).startsWith("nginx:");
        assertThat(compose.at("/services/proxy/ports").size()).isEqualTo(1);
        assertThat(api.at("/environment/QUARKUS_DATASOURCE_PASSWORD").asText()).startsWith("${KPI_DB_PASSWORD:?");
        assertThat(compose.at("/services/postgres/environment/POSTGRES_PASSWORD").asText()).startsWith("${KPI_DB_PASSWORD:?");
        assertThat(text).doesNotContainPattern("KPI_DB_PASSWORD:-");
        assertThat(Files.readString(Path.of("docker", "nginx.conf"))).contains("resolver 127.0.0.11").contains("proxy_pass $api;");
    }

    private static long shutdownTimeoutSeconds() throws Exception {
        Properties properties = new Properties();
        try (FileInputStream in = new FileInputStream("src/main/resources/application.properties")) {
            properties.load(in);
        }
        String timeout = properties.getProperty("quarkus.shutdown.timeout");
        assertThat(timeout).matches("\\d+S");
        return Long.parseLong(timeout.substring(0, timeout.length() - 1));
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
