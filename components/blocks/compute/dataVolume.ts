/**
 * The `mount` command of the data tool (pure text, issue 13, backup.ts installs it): the EBS
 * volume is attached after the instance starts, so the script waits for it, found by its volume
 * id (Nitro exposes EBS as NVMe: /dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_vol<id>), and
 * fails loudly after 10 minutes. It formats the device only when blkid finds nothing on it, so a
 * volume that survived an instance replacement keeps its data; it mounts by UUID with nofail.
 */

/** Where the data volume is mounted on the host. */
export const DATA_MOUNT = "/var/lib/stagecraft-data";
/** The device name the attachment requests (Nitro hosts ignore it; the id finds the device). */
export const DATA_DEVICE_NAME = "/dev/sdf";
const VOLUME_ID = /^vol-[0-9a-f]{8,17}$/;

/** The stable device path of an EBS volume on a Nitro instance. */
export function nvmeDevicePath(volumeId: string): string {
    if (!VOLUME_ID.test(volumeId)) throw new Error(`not an EBS volume id: ${JSON.stringify(volumeId)}`);
    return `/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_${volumeId.replace("-", "")}`;
}

/**
 * The shell function `cmd_mount <volume-id> <directory>...` of the data tool: wait for the
 * device, format it only when blkid finds no filesystem, add it to fstab by UUID (nofail),
 * mount it and create the directories (mode 0700) on it.
 */
export function mountFunction(): string {
    return `cmd_mount() {
  local vol=$1 dev rc=0 uuid _; shift
  [[ "$vol" =~ ^vol-[0-9a-f]{8,17}$ ]] || die "not a volume id: '$vol'"
  dev=/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_\${vol/-/}
  for _ in $(seq 1 120); do [ -e "$dev" ] && break; sleep 5; done
  [ -e "$dev" ] || die "data volume $vol not attached after 10 minutes"
  blkid -p "$dev" > /dev/null || rc=$?
  if [ "$rc" = 2 ]; then mkfs -t ext4 -L stagecraft-data "$dev"; elif [ "$rc" != 0 ]; then die "blkid failed on $dev ($rc)"; fi
  uuid=$(blkid -s UUID -o value "$dev")
  install -d -m 0755 "$DATA_MOUNT"
  grep -q "^UUID=$uuid " /etc/fstab || echo "UUID=$uuid $DATA_MOUNT ext4 defaults,nofail,x-systemd.device-timeout=120s 0 2" >> /etc/fstab
  mountpoint -q "$DATA_MOUNT" || mount "$DATA_MOUNT"
  install -d -m 0700 "$@"
  log "data volume $vol mounted on $DATA_MOUNT"
}`;
}
