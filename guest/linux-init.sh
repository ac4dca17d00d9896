#!/bin/sh
# /init of the fusefs-gate Linux test guest (busybox initramfs), built by
# scripts/build-linux-guest.sh.  PID 1: mount the pseudo file systems, load
# virtio_blk (the payload and results disks), install the guest programs in
# /gate/bin, then give the serial console a root shell with the prompt "# ".
# When that shell exits, power off.
export PATH=/gate/bin:/bin:/sbin:/usr/bin:/usr/sbin
umask 022

mount -t proc proc /proc
mount -t sysfs sysfs /sys
# FUSE_FS=y: devtmpfs creates /dev/fuse (misc 10:229) by itself.
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /dev/pts /tmp /gate /mnt/fg
mount -t devpts devpts /dev/pts 2>/dev/null
mount -t tmpfs -o mode=1777 tmpfs /tmp
mount -t tmpfs -o mode=0755 tmpfs /gate

# Modules decompressed on the host, in dependency order (modules.order file). A kernel built by
# the gate from a tree (build: kernel) has its drivers built in and no module support at all: no
# /proc/modules, nothing to load.
if [ -r /lib/fusefs-gate/modules.order ] && [ -e /proc/modules ]; then
	while read -r m; do
		[ -n "$m" ] || continue
		insmod "/lib/fusefs-gate/modules/$m" 2>/dev/null ||
			echo "fusefs-gate init: insmod $m failed" >&2
	done < /lib/fusefs-gate/modules.order
fi

# The programs live in the initramfs under /lib/fusefs-gate/bin (the tmpfs on
# /gate hides the initramfs's /gate); copy them so /gate/bin is complete even
# after the host unpacks its payload tar into /gate.
mkdir -p /gate/bin /gate/results
cp -p /lib/fusefs-gate/bin/* /gate/bin/

# Kernel messages at KERN_WARNING and above still reach the console (hung task
# reports, oopses); chatty info lines do not interleave with command output.
echo 4 > /proc/sys/kernel/printk 2>/dev/null

if [ -e /proc/modules ]; then
	echo "fusefs-gate: kernel $(uname -r), modules: $(tr '\n' ' ' 2>/dev/null </lib/fusefs-gate/modules.order)"
else
	echo "fusefs-gate: kernel $(uname -r), no loadable modules (drivers built in)"
fi
echo "fusefs-gate linux test guest ready"

export PS1='# '
export HOME=/root
mkdir -p /root
cd /root || cd /
# cttyhack makes the console (ttyS0) the controlling tty of a new session, so
# the shell has job control and ^C works.
setsid cttyhack sh -i
echo "fusefs-gate linux test guest: shell exited, powering off"
sync
poweroff -f
