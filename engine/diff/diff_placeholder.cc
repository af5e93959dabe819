// replaced by the diff stage
