using AirisEpm.AlertService.Extensions;
using AirisEpm.ServiceDefaults;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AppIds.AlertService);
builder.AddAlertServiceServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints(Permissions.AlertsRead);
app.MapDaprMetadata();
app.MapAlertServiceApi();

app.Run();
