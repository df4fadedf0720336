using AirisEpm.ServiceDefaults;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Hosting;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TraceService.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AppIds.TraceService);
builder.AddOtlpGrpcPort();
builder.AddTraceServiceServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints(Permissions.TracesRead);
app.MapDaprMetadata();
app.MapTraceServiceApi();

app.Run();
