using AirisEpm.LogService.Extensions;
using AirisEpm.ServiceDefaults;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Hosting;
using AirisEpm.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AppIds.LogService);
builder.AddOtlpGrpcPort();
builder.AddLogServiceServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints(Permissions.LogsRead);
app.MapDaprMetadata();
app.MapLogServiceApi();

app.Run();
