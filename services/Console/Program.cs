using AirisEpm.ServiceDefaults;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.WebConsole.Extensions;
using AirisEpm.WebConsole.Spa;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AppIds.Console);
builder.AddConsoleServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints(Permissions.Admin);
app.MapDaprMetadata();
app.MapConsoleApi();
app.MapConsolePage();

app.Run();
