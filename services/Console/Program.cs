using AirisEpm.ServiceDefaults;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.WebConsole.Dashboards;
using AirisEpm.WebConsole.Extensions;
using AirisEpm.WebConsole.Spa;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AppIds.Console);
builder.AddConsoleServices();
builder.Services.AddDashboards();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints(Permissions.Admin);
app.MapDaprMetadata();
app.MapConsoleApi();
app.MapDashboardsApi();
app.MapConsolePage();

app.Run();
