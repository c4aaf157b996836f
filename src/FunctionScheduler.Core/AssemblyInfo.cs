// The core is platform-neutral; nothing here is COM-visible or localized.
[assembly: System.CLSCompliant(false)]
