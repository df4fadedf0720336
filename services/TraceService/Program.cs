using AirisEpm.TraceService.Extensions;
using AirisEpm.ServiceDefaults;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AppIds.TraceService);
builder.AddTraceServiceServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints(Permissions.TracesRead);
app.MapTraceServiceApi();

app.Run();
