// SPDX-License-Identifier: MIT
// Copyright (c) 2024 Netra Inc.
import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

export const engine = new UserExecutionEngine({ userId: 'licensed' });
