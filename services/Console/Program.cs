using AirisEpm.ServiceDefaults;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.WebConsole.Dashboards;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AppIds.Console);
builder.Services.AddDashboards();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints(Permissions.Admin);
app.MapDashboardsApi();

app.Run();
