using AirisEpm.Config.Tests.Model;
using AirisEpm.Config.Tests.Rules;

namespace AirisEpm.Config.Tests.Tests;

/// <summary>Ports that disagree between dapr.yaml, docker-compose.yml, launch settings and Dockerfiles.</summary>
public sealed class AgreementRulesTests
{
    [Theory]
    [InlineData("docker-compose.yml", "      - -app-port\n      - \"8003\"\n", "      - -app-port\n      - \"8013\"\n", "services.trace-service-dapr.command")]
    [InlineData("docker-compose.yml", "      - -dapr-grpc-port\n      - \"50001\"\n", "      - -dapr-grpc-port\n      - \"50011\"\n", "services.metrics-service-dapr.command")]
    [InlineData("docker-compose.yml", "DAPR_HTTP_PORT: \"3504\"", "DAPR_HTTP_PORT: \"3505\"", "services.alert-service.environment.DAPR_HTTP_PORT")]
    [InlineData("docker-compose.yml", "ASPNETCORE_URLS: http://+:8002", "ASPNETCORE_URLS: http://+:8080", "services.log-service.environment.ASPNETCORE_URLS")]
    [InlineData("docker-compose.yml", "      - \"8001:8001\"\n", "", "services.metrics-service.ports")]
    [InlineData("docker-compose.yml", "dockerfile: services/TraceService/Dockerfile", "dockerfile: services/MetricsService/Dockerfile", "services.trace-service.build.dockerfile")]
    [InlineData("services/LogService/Properties/launchSettings.json", "http://localhost:8002", "http://localhost:8020", "profiles.log-service.applicationUrl")]
    [InlineData("services/AlertService/Properties/launchSettings.json", "\"DAPR_GRPC_PORT\": \"50004\"", "\"DAPR_GRPC_PORT\": \"50001\"", "profiles.alert-service.environmentVariables.DAPR_GRPC_PORT")]
    [InlineData("dapr.yaml", "daprHTTPPort: 3503", "daprHTTPPort: 3513", "profiles.trace-service.environmentVariables.DAPR_HTTP_PORT")]
    public void Rejects_ports_that_disagree(string file, string fragment, string replacement, string field)
    {
        var findings = Checks.Broken(nameof(PortAgreementRules), file, fragment, replacement);
        var named = file == Checks.RunFilePath ? "services/TraceService/Properties/launchSettings.json" : file;

        Checks.AssertNames(findings, named, field);
    }

    [Theory]
    [InlineData("services/MetricsService/Program.cs", "AddServiceDefaults(AppIds.MetricsService)", "AddServiceDefaults(AppIds.LogService)")]
    [InlineData("services/TraceService/Program.cs", "AddServiceDefaults(AppIds.TraceService)", "AddServiceDefaults(\"trace-service\")")]
    public void Rejects_a_service_whose_code_names_another_app_id(string file, string fragment, string replacement) =>
        Checks.AssertNames(Checks.Broken(nameof(AppIdRules), file, fragment, replacement), file, "AddServiceDefaults");

    [Theory]
    [InlineData("services/MetricsService/Dockerfile", "EXPOSE 8001", "EXPOSE 8080", "EXPOSE")]
    [InlineData("services/LogService/Dockerfile", "ENV ASPNETCORE_URLS=http://+:8002", "ENV ASPNETCORE_URLS=http://+:8080", "ENV ASPNETCORE_URLS")]
    [InlineData("services/TraceService/Dockerfile", "USER $APP_UID", "USER root", "USER")]
    [InlineData("services/AlertService/Dockerfile", "GET /healthz", "GET /", "HEALTHCHECK")]
    [InlineData("services/AlertService/Dockerfile", "/dev/tcp/127.0.0.1/8004 ", "/dev/tcp/127.0.0.1/8080 ", "HEALTHCHECK")]
    [InlineData("services/MetricsService/Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", "FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build", "FROM")]
    [InlineData("services/Console/Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", "FROM node:20 AS build", "FROM")]
    [InlineData("services/Console/Dockerfile", "EXPOSE 8000", "EXPOSE 8001", "EXPOSE")]
    [InlineData("services/Console/Dockerfile", "COPY services/ServiceDefaults/ services/ServiceDefaults/\n", "", "COPY")]
    [InlineData("services/LogService/Dockerfile", "COPY services/ServiceDefaults/ services/ServiceDefaults/\n", "", "COPY")]
    public void Rejects_a_broken_dockerfile(string file, string fragment, string replacement, string field) =>
        Checks.AssertNames(Checks.Broken(nameof(DockerfileRules), file, fragment, replacement), file, field);

    [Fact]
    public void Rejects_a_dockerfile_missing_a_newly_referenced_project()
    {
        var repo = Repo.Current;
        var csproj = repo.Edit(
            "services/AlertService/AlertService.csproj",
            "<ProjectReference Include=\"../ServiceDefaults/ServiceDefaults.csproj\" />",
            "<ProjectReference Include=\"../ServiceDefaults/ServiceDefaults.csproj\" /><ProjectReference Include=\"../MetricsService/MetricsService.csproj\" />");

        var findings = DockerfileRules.CheckProjectsCopied(repo.With(csproj), "services/AlertService").ToList();

        Assert.All(findings, f => Assert.Equal(("services/AlertService/Dockerfile", "COPY"), (f.File, f.Field)));
        Assert.Contains(findings, f => f.Message.Contains("services/MetricsService/", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.Contains("services/Protocols/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("components/local/secretstore.yaml", "value: ../../components/local/secrets.json", "value: components/local/secrets.json")]
    [InlineData("components/compose/secretstore.yaml", "value: /run/secrets/dapr-secrets", "value: /secrets/secrets.json")]
    [InlineData("components/compose/secretstore.yaml", "value: /run/secrets/dapr-secrets", "value: /run/secrets/missing")]
    public void Rejects_a_secrets_file_daprd_cannot_find(string file, string fragment, string replacement) =>
        Checks.AssertNames(Checks.Broken(nameof(SecretsFileRules), file, fragment, replacement), file, "spec.metadata[secretsFile]");
}
