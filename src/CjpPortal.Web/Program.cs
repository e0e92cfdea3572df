using CjpPortal.Web;

return await PortalHost.RunAsync(args);
