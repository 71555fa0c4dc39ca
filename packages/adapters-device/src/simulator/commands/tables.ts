import type { Flavour } from "../config.ts"
import { adminVmCommands } from "./admin-vm.ts"
import type { CliCommand, Plane } from "./command.ts"
import { fileTransferCommands } from "./file-transfer.ts"
import { classicInstallCommands } from "./install-classic.ts"
import { exrInstallCommands } from "./install-exr.ts"
import { showInstallCommands } from "./show-install.ts"
import { systemCommands } from "./show-system.ts"
import { terminalCommands } from "./terminal.ts"

export type CommandTables = Readonly<Record<Plane, ReadonlyArray<CliCommand>>>

/** Every command of each plane of one personality (DEVICE.md §9.2). Classic admin mode uses the XR table. */
const buildTables = (flavour: Flavour): CommandTables => {
  const xr = [
    ...terminalCommands(flavour),
    ...systemCommands(flavour),
    ...showInstallCommands(flavour),
    ...(flavour === "xr" ? classicInstallCommands : exrInstallCommands),
    ...fileTransferCommands
  ]
  return { xr, classicAdmin: xr, adminVm: adminVmCommands }
}

/** The tables hold no router state, so every router of a personality shares one (500 routers in a bench). */
const built = new Map<Flavour, CommandTables>()

export const commandTables = (flavour: Flavour): CommandTables => {
  const tables = built.get(flavour) ?? buildTables(flavour)
  built.set(flavour, tables)
  return tables
}
