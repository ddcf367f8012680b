// SPDX-License-Identifier: MIT
// Copyright (c) 2024 Netra Inc.
import { UserExecutionEngine } from '../agents/execution_engine_consolidated';

export const engine = new UserExecutionEngine({ userId: 'licensed' });
