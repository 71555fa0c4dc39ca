import { describe, expect, it } from "vitest"
import { credentialsAccepted, makeFileStore, maskUrlPassword, parseSourceUrl } from "./repository.ts"

const file = { internalNames: ["disk0:x-1.0.0"], size: 10, method: "restart" as const }

describe("repository keys (DEVICE.md §9.4)", () => {
  it("drops credentials, the VRF and a trailing slash", () => {
    expect(parseSourceUrl("tftp://223.255.254.254;MGMT/auto/tftp-gud/sit/533").key).toBe("tftp://223.255.254.254/auto/tftp-gud/sit/533")
    const ftp = parseSourceUrl("ftp://u:p@10.55.7.21;VRF/remote/dir/")
    expect(ftp).toEqual({ key: "ftp://10.55.7.21/remote/dir", host: "10.55.7.21", path: "/remote/dir", username: "u", password: "p" })
    expect(parseSourceUrl("sftp://u@10.1.1.20//images/612").key).toBe("sftp://10.1.1.20/images/612")
    expect(parseSourceUrl("disk0:/").key).toBe("disk0:")
  })

  it("masks the password as pie-info prints it", () => {
    expect(maskUrlPassword("ftp://u:secret@10.1.1.1/dir/f.pie")).toBe("ftp://u:*****@10.1.1.1/dir/f.pie")
    expect(maskUrlPassword("tftp://10.1.1.1/dir/f.pie")).toBe("tftp://10.1.1.1/dir/f.pie")
  })

  it("checks credentials only where the repository has them", () => {
    expect(credentialsAccepted({ files: {} }, undefined, undefined)).toBe(true)
    expect(credentialsAccepted({ username: "u", password: "p", files: {} }, "u", "p")).toBe(true)
    expect(credentialsAccepted({ username: "u", password: "p", files: {} }, "u", "q")).toBe(false)
  })

  it("finds repositories by URL or by host and directory, and files copied locally", () => {
    const store = makeFileStore({ "sftp://10.1.1.20/images": { files: { "x.pie": file } } })
    expect(store.repository("sftp://u:p@10.1.1.20/images/")?.files["x.pie"]).toBe(file)
    expect(store.repositoryAt("10.1.1.20", "/images")?.files["x.pie"]).toBe(file)
    expect(store.repository("disk0:")).toBeUndefined()
    store.storeLocal("disk0:", "x.pie", file)
    expect(store.repository("disk0:/")?.files["x.pie"]).toBe(file)
  })
})
