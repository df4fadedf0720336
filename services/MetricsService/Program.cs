using AirisEpm.MetricsService.Extensions;
using AirisEpm.ServiceDefaults;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AppIds.MetricsService);
builder.AddMetricsServiceServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints(Permissions.MetricsRead);
app.MapDaprMetadata();
app.MapMetricsServiceApi();

app.Run();
